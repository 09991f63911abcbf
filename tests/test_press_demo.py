"""The press app's demo content: loaded once, files written once, removable.

The press loaders run after the plans' and the commissions' (INSTALLED_APPS order); these
tests load the plans' content and make the one commission they check, so that they test
this app's loaders alone (tests/test_demo.py runs the whole commands).
"""

import pytest
from django.core.management import call_command

from press.models import Clipping, Issue, Publication, Source
from tests.factories_commissions import make_commission
from tests.factories_content import load_app

pytestmark = pytest.mark.django_db


def load_press():
    load_app("press", demo=True)


@pytest.fixture
def demo():
    load_app("plans")
    make_commission(name_it="Potenziale Culturale", slug_it="potenziale-culturale")
    load_app("press")
    load_press()


def _files(root):
    return {p: p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_demo_press_review_publications_and_tamtam(demo, client):
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
    tagged = Clipping.objects.get(headline="Cultura, il potenziale da sviluppare")
    assert list(tagged.commissions.values_list("slug_it", flat=True)) == ["potenziale-culturale"]
    assert tagged.directions.exists()
    titles = set(Publication.objects.values_list("title_it", flat=True))
    assert {"Scenari per il sistema locale", "Verso il Secondo Piano Strategico"} <= titles
    assert Publication.objects.filter(plan__number__in=[1, 2]).count() == 2
    assert Issue.objects.count() >= 5
    for item in [*Publication.objects.all(), *Issue.objects.all()]:
        with item.pdf.open("rb") as pdf:
            assert pdf.read(5) == b"%PDF-"
        assert item.cover.width == 400
    assert client.get("/it/rassegna-stampa/").status_code == 200
    html = client.get("/en/publications/").content.decode()
    assert "Scenarios for the local system" in html


def test_second_run_writes_no_file(demo, settings):
    before = _files(settings.MEDIA_ROOT)
    counts = (Clipping.objects.count(), Publication.objects.count(), Issue.objects.count())
    load_press()
    assert _files(settings.MEDIA_ROOT) == before
    assert (Clipping.objects.count(), Publication.objects.count(), Issue.objects.count()) == counts


def test_a_lost_file_is_drawn_again(demo):
    issue = Issue.objects.get(number=22)
    issue.pdf.storage.delete(issue.pdf.name)
    load_press()
    issue.refresh_from_db()
    assert issue.pdf.storage.exists(issue.pdf.name)


def test_remove_drops_the_invented_items_and_keeps_the_sources(demo):
    call_command("load_demo", "--remove", verbosity=0)
    assert not Clipping.objects.exists() and not Publication.objects.exists()
    assert not Issue.objects.exists()
    assert Source.objects.filter(slug="la-stampa").exists()
