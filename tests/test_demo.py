"""The client's content (`load_content`) and the invented demo (`load_demo`): loaded from the
files of content/, safe to repeat, and removable down to exactly the client's content."""

import difflib
import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone
from PIL import Image, ImageDraw

from commissions.models import Commission, Document, Meeting
from events.models import Event
from plans.models import Direction, Page, Plan
from press.models import Clipping, Issue, Publication
from tests.factories_content import load_content, load_demo
from torino_portal import demo_files
from torino_portal.loading import content_dir
from torino_portal.models import SitePage

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR).parent / "shared" / "seed" / "processo-piano-strategico-2.txt"
SEED_FOLDER = "plans/piano-strategico-2/elaborazione-del-piano/processo"
APPS = {"torino_portal", "plans", "events", "commissions", "press", "newsletter"}


def _row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label in APPS
        and model._meta.model_name != "searchdocument"
        and not model._meta.model_name.startswith("historical")  # history records every save
    }


def _seed_lines():
    """The body of the original page: from its first heading to the footer."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines()]
    start = lines.index("Il Piano come metodo")  # the heading, not the table of contents
    end = next(i for i, line in enumerate(lines) if line.startswith("©"))
    return [line for line in lines[start:end] if line]


def _text_lines(html):
    return [re.sub(r"^## ", "", block) for block in demo_files.paragraphs(html)]


def _client_content(client):
    """What the client wrote, as a visitor finds it: every page answers, texts in place."""
    for key in ("home", "help", "contacts", "privacy"):
        page = SitePage.objects.get(key=key)
        assert client.get(page.get_absolute_url()).status_code == 200, key
    seed = Page.objects.get(slug_it="processo")
    assert client.get(seed.get_absolute_url()).status_code == 200
    assert _text_lines(seed.body_it) == _seed_lines()
    assert set(Plan.objects.values_list("number", flat=True)) == {1, 2}
    assert Page.objects.count() == 16 and Direction.objects.count() == 12
    assert Commission.objects.count() == 5
    assert all(c.mandate_it and c.mandate_en for c in Commission.objects.all())
    assert all(c.directions.count() == 3 for c in Commission.objects.all())


def test_the_seed_page_file_is_the_original_text_verbatim():
    html = (content_dir() / SEED_FOLDER / "it.html").read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(_seed_lines(), _text_lines(html), lineterm=""))
    assert not diff, diff


def test_load_content_alone_is_the_site_without_invented_items(client):
    load_content()
    _client_content(client)
    html = client.get("/it/piano-strategico-2/elaborazione-del-piano/processo/").content.decode()
    assert "Competitività, attrattività, coesione sociale e territoriale" in html
    english = client.get("/en/strategic-plan-2/plan-development/process/").content.decode()
    assert "The Plan as a method" in english and "The Turin Plan" in english
    assert "available only in Italian" not in english
    for model in apps.get_models():
        if any(field.name == "is_demo" for field in model._meta.fields):
            assert not model.objects.filter(is_demo=True).exists(), model
    assert not Event.objects.exists() and not Clipping.objects.exists()


def test_content_then_demo_then_remove_leaves_the_client_content_intact(client):
    load_content()
    content_rows = _row_counts()
    load_demo()
    assert Meeting.objects.count() == 18 and Clipping.objects.count() == 20
    call_command("load_demo", "--remove", verbosity=0)
    _client_content(client)
    assert _row_counts() == content_rows


def test_load_demo_on_an_empty_database_brings_the_content_it_hangs_on(client):
    out = StringIO()
    call_command("load_demo", stdout=out)
    _client_content(client)
    assert Meeting.objects.count() == 18
    assert f"18 {Meeting._meta.verbose_name_plural}" in out.getvalue()


def test_both_commands_run_twice_without_changing_anything():
    load_content()
    load_demo()
    before = _row_counts()
    stamps = {p.pk: p.updated_at for p in Page.objects.all()}
    load_content()
    load_demo()
    assert _row_counts() == before
    assert {p.pk: p.updated_at for p in Page.objects.all()} == stamps


def test_an_editors_title_and_draft_survive_a_second_make_run(client):
    load_content()
    load_demo()
    seed = Page.objects.get(slug_it="processo")
    seed.title_it = "Il processo del Piano"
    seed.save()
    help_page = SitePage.objects.get(key="help")
    help_page.status = "draft"
    help_page.save()
    clipping = Clipping.objects.get(headline__startswith="Al Politecnico in cinquecento")
    clipping.status, clipping.headline = "draft", "Al Politecnico in 520 per il convegno"
    clipping.save()
    meeting = Meeting.objects.get(title_it="Una trasformazione in atto")
    meeting.title_it = "Convegno «Una trasformazione in atto»"
    meeting.save()
    rows = _row_counts()
    load_content()
    load_demo()
    assert _row_counts() == rows  # nothing added back beside the edited items
    seed.refresh_from_db(), help_page.refresh_from_db(), clipping.refresh_from_db()
    meeting.refresh_from_db()
    assert seed.title_it == "Il processo del Piano"
    assert meeting.title_it == "Convegno «Una trasformazione in atto»"
    assert clipping.headline == "Al Politecnico in 520 per il convegno"
    assert help_page.status == "draft" and clipping.status == "draft"
    assert client.get("/it/help/").status_code == 404
    assert client.get(clipping.get_absolute_url()).status_code == 404


def test_content_marked_demo_by_the_old_loader_is_claimed_and_survives_remove(client):
    load_content()
    SitePage.objects.update(is_demo=True)
    Direction.objects.update(is_demo=True)
    load_content()
    call_command("load_demo", "--remove", verbosity=0)
    _client_content(client)


def test_a_deleted_page_comes_back_and_nothing_else_moves():
    load_content()
    Page.objects.get(slug_it="indicatori").delete()
    before = _row_counts()
    load_content()
    after = _row_counts()
    assert after.pop("plans.Page") == before.pop("plans.Page") + 1
    assert after == before


def test_remove_reports_what_a_person_counts_and_deletes_the_generated_files(settings):
    load_content()
    load_demo()
    media = Path(settings.MEDIA_ROOT)
    files = {p for p in media.rglob("*") if p.is_file()}
    assert len(files) >= 40  # scans, covers, PDFs, recordings
    out = _remove()
    assert f"18 {Meeting._meta.verbose_name_plural}" in out
    assert f"8 {Event._meta.verbose_name_plural}" in out  # the Agenda's own, not the meetings
    assert f"20 {Clipping._meta.verbose_name_plural}" in out
    assert not [p for p in files if p.exists()]


def test_remove_keeps_a_file_an_editor_added_to_the_client_content(settings):
    load_content()
    load_demo()
    commission = Commission.objects.get(slug_it="conoscenza")
    kept = Document(commission=commission, title_it="Mandato firmato", title_en="Signed mandate")
    kept.file.save("mandato.pdf", ContentFile(demo_files.document("Mandato", ["Testo."])))
    _remove()
    assert kept.file.storage.exists(kept.file.name)
    assert Document.objects.filter(pk=kept.pk).exists()


def _remove():
    out = StringIO()
    call_command("load_demo", "--remove", stdout=out)
    return out.getvalue()


def test_invented_items_read_like_the_real_thing(client):
    load_content()
    load_demo()
    pages = [
        "/it/",
        "/it/agenda/",
        "/it/rassegna-stampa/",
        "/it/editoria/",
        "/it/tamtam/",
        *(c.get_absolute_url() for c in Commission.objects.all()),
        *(m.get_absolute_url() for m in Meeting.objects.all()[:5]),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert not re.search(r"\bdemo\b", html, re.IGNORECASE), url


def test_demo_dates_agree_across_sections():
    load_content()
    load_demo()
    conference = Meeting.objects.get(title_it="Una trasformazione in atto")
    report = Clipping.objects.get(headline__contains="«Una trasformazione in atto»")
    assert (report.date - conference.start.date()).days == 1
    upcoming = Event.objects.filter(start__gte=timezone.now())
    assert upcoming.count() == 4
    for event in upcoming:
        for day in (event.local_start_date, event.local_end_date):
            assert day.weekday() < 5 and (day.month, day.day) not in {(12, 25), (12, 26), (1, 1)}


def test_generated_pdfs_are_italian_documents_of_a_few_pages():
    load_content()
    load_demo()
    for item in [*Publication.objects.all(), *Issue.objects.all()]:
        with item.pdf.open("rb") as pdf:
            data = pdf.read()
        assert data[:5] == b"%PDF-"
        assert data.count(b"/Type /Page\n") >= 2, item
        assert item.cover.width == 400


def _drawn(letter, face):
    image = Image.new("L", (48, 48), 0)
    ImageDraw.Draw(image).text((8, 8), letter, font=face, fill=255)
    return image.tobytes()


def test_the_font_has_every_italian_letter():
    face = demo_files.font(24)
    missing = _drawn("\ue000", face)  # a private-use character: the "no glyph" box
    for letter in demo_files.ITALIAN_LETTERS:
        assert _drawn(letter, face) != missing, letter


def test_demo_items_are_marked_in_the_admin(admin_client):
    load_content()
    load_demo()
    html = admin_client.get("/admin/press/clipping/?is_demo__exact=1").content.decode()
    assert "20 articoli" in html
    content = admin_client.get("/admin/plans/direction/?is_demo__exact=1").content.decode()
    assert "0 direzioni" in content
