"""The press app's demo content: loaded once, files written once, removable."""

import pytest
from django.core.management import call_command

from press.models import Clipping, Issue, Publication, Source

pytestmark = pytest.mark.django_db


def _files(root):
    return {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_demo_press_review_publications_and_tamtam(settings, client):
    call_command("load_demo", verbosity=0)
    assert {
        "la-stampa",
        "la-repubblica-torino",
        "il-sole-24-ore",
        "corriere-della-sera",
        "ansa",
    } <= set(Source.objects.values_list("slug", flat=True))
    clippings = Clipping.objects.all()
    assert clippings.count() >= 20 and all(c.is_demo for c in clippings)
    assert {c.date.year for c in clippings} == {2005, 2006, 2007}
    titles = set(Publication.objects.values_list("title_it", flat=True))
    assert {"Scenari per il sistema locale", "Verso il Secondo Piano Strategico"} <= titles
    assert Publication.objects.filter(plan__number__in=[1, 2]).count() == 2
    assert Issue.objects.count() >= 5
    for item in [*Publication.objects.all(), *Issue.objects.all()]:
        assert item.pdf.open("rb").read(5) == b"%PDF-"
        item.pdf.close()
        assert item.cover.width == 400
    assert client.get("/it/rassegna-stampa/").status_code == 200
    html = client.get("/en/publications/").content.decode()
    assert "Scenarios for the local system" in html


def test_second_run_writes_no_file(settings):
    call_command("load_demo", verbosity=0)
    before = _files(settings.MEDIA_ROOT)
    counts = (Clipping.objects.count(), Publication.objects.count(), Issue.objects.count())
    call_command("load_demo", verbosity=0)
    assert _files(settings.MEDIA_ROOT) == before
    assert (Clipping.objects.count(), Publication.objects.count(), Issue.objects.count()) == counts


def test_remove_drops_the_invented_items_and_keeps_the_sources():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", "--remove", verbosity=0)
    assert not Clipping.objects.exists() and not Publication.objects.exists()
    assert not Issue.objects.exists()
    assert Source.objects.filter(slug="la-stampa").exists()
