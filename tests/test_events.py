"""The Agenda: events, lists, archive, month calendar, detail page, bad input, queries."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Attachment, Event
from events.templatetags.events import event_when, when_text
from tests.factories import make_staff, sitemap_text
from tests.factories_events import days_from_now, local, make_event, make_kind
from torino_portal import fragments
from torino_portal.demo_files import document, recording
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference():
    return make_kind("conference", name_it="Convegno", name_en="Conference")


def test_addresses_in_both_languages(client, conference):
    event = make_event(
        conference,
        title_it="Una giornata di studio",
        title_en="A study day",
        start=local(2006, 11, 24, 9, 30),
    )
    assert event.get_absolute_url() == "/it/agenda/2006/11/24/una-giornata-di-studio/"
    with translation.override("en"):
        assert event.get_absolute_url() == "/en/agenda/2006/11/24/a-study-day/"
    html = client.get("/en/agenda/2006/11/24/a-study-day/").content.decode()
    assert '<h1 class="page-title">A study day</h1>' in html
    assert (
        'hreflang="it" href="http://127.0.0.1:8000/it/agenda/2006/11/24/una-giornata-di-studio/"'
        in html
    )
    assert client.get("/it/agenda/2006/11/24/a-study-day/").status_code == 404


def test_late_evening_event_keeps_its_rome_date():
    # 23:30 in Rome is 22:30 UTC (21:30 in summer): the address uses the local day.
    event = make_event(start=local(2026, 7, 1, 23, 30))
    assert "/2026/7/1/" in event.get_absolute_url()


def test_detail_page_shows_everything(client, conference):
    event = make_event(
        conference,
        title_it="Convegno al Politecnico",
        start=local(2026, 11, 24, 9, 30),
        end=local(2026, 11, 24, 13, 0),
        venue_name_it="Politecnico di Torino",
        venue_address="Corso Duca degli Abruzzi 24, Torino",
        description_it="<h2>Programma</h2><p>Interventi.</p><script>alert(1)</script>",
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert '<time datetime="2026-11-24T09:30:00+01:00">24 novembre 2026, ore 09:30</time>' in html
    assert "Politecnico di Torino" in html
    assert (
        "https://www.openstreetmap.org/search?query=Corso+Duca+degli+Abruzzi+24%2C+Torino" in html
    )
    assert f'href="{event.ics_url()}" download' in html
    assert "<script>alert" not in html and 'id="programma"' in html
    assert ">Convegno</a>" in html
    assert 'type="text/calendar"' in html and 'type="application/rss+xml"' in html


def test_detail_context_has_event_and_object(client):
    event = make_event()
    response = client.get(event.get_absolute_url())
    assert response.context["event"] == event and response.context["object"] == event
    # The slot other apps fill (commissions: the meeting's line) is rendered with the event.
    assert "commissions/_event_meeting.html" in [t.name for t in response.templates]


def test_previous_and_next_event(client):
    first = make_event(title_it="Primo", start=local(2026, 1, 10, 10))
    middle = make_event(title_it="Secondo", start=local(2026, 2, 10, 10))
    last = make_event(title_it="Terzo", start=local(2026, 3, 10, 10))
    make_event(title_it="Bozza", start=local(2026, 2, 20, 10), status=Status.DRAFT)
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{first.get_absolute_url()}" rel="prev"' in html
    assert f'href="{last.get_absolute_url()}" rel="next"' in html
    assert "Bozza" not in html


def test_kept_neighbours_follow_every_change_and_schedule(client, monkeypatch):
    """The previous/next links are kept until content changes (torino_portal/fragments.py):
    a new event shows at once, a scheduled one when it goes live, with no save between."""
    first = make_event(title_it="Primo", start=local(2026, 1, 10, 10))
    middle = make_event(title_it="Secondo", start=local(2026, 2, 10, 10))
    last = make_event(title_it="Terzo", start=local(2026, 3, 10, 10))
    assert f'href="{last.get_absolute_url()}" rel="next"' in (
        client.get(middle.get_absolute_url()).content.decode()
    )
    between = make_event(title_it="Nuovo", start=local(2026, 2, 20, 10))
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{between.get_absolute_url()}" rel="next"' in html
    soon = timezone.now() + datetime.timedelta(minutes=30)  # within a kept value's hour
    scheduled = make_event(title_it="Programmato", start=local(2026, 1, 20, 10), published_at=soon)
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{first.get_absolute_url()}" rel="prev"' in html and "Programmato" not in html
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    html = client.get(middle.get_absolute_url()).content.decode()
    assert f'href="{scheduled.get_absolute_url()}" rel="prev"' in html


def test_a_meeting_joins_the_kept_neighbours_when_its_commission_goes_live(client, monkeypatch):
    from tests.factories_commissions import make_commission, make_meeting

    event = make_event(title_it="Evento", start=local(2005, 3, 10, 10))
    soon = timezone.now() + datetime.timedelta(minutes=30)  # within a kept value's hour
    meeting = make_meeting(
        make_commission(published_at=soon), title_it="Incontro", start=local(2005, 3, 20, 10)
    )
    assert "Incontro" not in client.get(event.get_absolute_url()).content.decode()
    later = soon + datetime.timedelta(seconds=1)  # the commission goes live, nothing saved
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    html = client.get(event.get_absolute_url()).content.decode()
    agenda_url = Event.objects.get(pk=meeting.pk).get_absolute_url()
    assert f'href="{agenda_url}" rel="next"' in html


def test_kept_public_ids_follow_a_save_and_a_scheduled_publication(client, monkeypatch):
    """A visitor's event is found by day and slug, then checked against the ids of the public
    events, kept until content changes or a scheduled item (an event, a meeting's
    commission) goes live: a draft stays a 404, a published one shows at once."""
    from tests.factories_commissions import make_commission, make_meeting

    shown = make_event(title_it="Pubblico", start=local(2026, 4, 10, 10))
    draft = make_event(title_it="Bozza", start=local(2026, 4, 11, 10), status=Status.DRAFT)
    soon = timezone.now() + datetime.timedelta(minutes=30)  # within a kept value's hour
    scheduled = make_event(title_it="Programmato", start=local(2026, 4, 12, 10), published_at=soon)
    meeting = make_meeting(
        make_commission(published_at=soon), title_it="Incontro", start=local(2026, 4, 13, 10)
    )
    meeting_url = Event.objects.get(pk=meeting.pk).get_absolute_url()
    assert client.get(shown.get_absolute_url()).status_code == 200  # the ids are kept
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    assert client.get(meeting_url).status_code == 404
    draft.status = Status.PUBLISHED
    draft.save()
    assert "Bozza" in client.get(draft.get_absolute_url()).content.decode()
    shown.status = Status.DRAFT
    shown.save()
    assert client.get(shown.get_absolute_url()).status_code == 404
    later = soon + datetime.timedelta(seconds=1)  # nothing saved: they go live
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Programmato" in client.get(scheduled.get_absolute_url()).content.decode()
    assert "Incontro" in client.get(meeting_url).content.decode()


def test_kept_json_ld_follows_a_save(client):
    event = make_event(title_it="Prima", start=local(2026, 4, 10, 10))
    assert '"name":"Prima"' in client.get(event.get_absolute_url()).content.decode()
    event.title_it = "Dopo"
    event.save()
    html = client.get(event.get_absolute_url()).content.decode()
    assert '"name":"Dopo"' in html and '"name":"Prima"' not in html


def test_public_models_are_the_ones_the_visibility_rule_reads():
    """What a kept list of public events names as `models=` (events.models.public_models)."""
    from commissions.models import Commission
    from events.models import public_models
    from plans.models import Plan

    assert set(public_models()) == {Event, Commission, Plan}


def test_dates_read_naturally_in_both_languages():
    cases = [
        (dict(start=local(2026, 11, 24), all_day=True), "24 novembre 2026", "24 November 2026"),
        (
            dict(start=local(2026, 11, 24), end=local(2026, 11, 26), all_day=True),
            "24–26 novembre 2026",
            "24–26 November 2026",
        ),
        (
            dict(start=local(2026, 11, 30), end=local(2026, 12, 2), all_day=True),
            "30 novembre – 2 dicembre 2026",
            "30 November – 2 December 2026",
        ),
        (
            dict(start=local(2026, 12, 30), end=local(2027, 1, 2), all_day=True),
            "30 dicembre 2026 – 2 gennaio 2027",
            "30 December 2026 – 2 January 2027",
        ),
        (dict(start=local(2026, 11, 24, 9, 30)), "24 novembre 2026, ore 09:30", None),
        (
            dict(start=local(2026, 11, 24, 9, 30), end=local(2026, 11, 24, 13)),
            "24 novembre 2026, ore 09:30–13:00",
            None,
        ),
        (
            dict(start=local(2026, 11, 24, 9, 30), end=local(2026, 11, 25, 13)),
            "24 novembre 2026, ore 09:30 – 25 novembre 2026, ore 13:00",
            None,
        ),
    ]
    for fields, italian, english in cases:
        event = make_event(**fields)
        assert when_text(event) == italian
        if english:
            with translation.override("en"):
                assert when_text(event) == english
    with translation.override("en"):
        text = when_text(make_event(start=local(2026, 11, 24, 9, 30), end=local(2026, 11, 24, 13)))
        # One time format in both languages (torino_portal/formats): 24-hour.
        assert text == "24 November 2026 at 09:30–13:00"
    html = str(
        event_when(make_event(start=local(2026, 11, 24), end=local(2026, 11, 26), all_day=True))
    )
    assert html == (
        '<time datetime="2026-11-24">24</time>–<time datetime="2026-11-26">26 novembre 2026</time>'
    )


def test_all_day_times_are_ignored():
    event = make_event(start=local(2026, 5, 4, 15, 45), end=local(2026, 5, 6, 11), all_day=True)
    assert timezone.localtime(event.start).time() == datetime.time(0, 0)
    assert event.local_end_date == datetime.date(2026, 5, 6)


def test_agenda_lists_upcoming_events_first(client, conference):
    past = make_event(title_it="Passato", start=days_from_now(-20))
    ongoing = make_event(
        title_it="In corso", start=days_from_now(-1), end=days_from_now(1), all_day=True
    )
    later = make_event(title_it="Più tardi", start=days_from_now(30))
    soon = make_event(title_it="Presto", start=days_from_now(3))
    draft = make_event(title_it="Bozza", status=Status.DRAFT)
    future_pub = make_event(
        title_it="Non ancora", published_at=timezone.now() + datetime.timedelta(1)
    )
    html = client.get("/it/agenda/").content.decode()
    listing = html[html.index("Prossimi eventi") :]
    assert listing.index("In corso") < listing.index("Presto") < listing.index("Più tardi")
    for hidden in (past, draft, future_pub):
        assert hidden.title_it not in listing
    assert 'href="/it/agenda/archivio/"' in html
    archive = client.get("/it/agenda/archivio/").content.decode()
    assert "Passato" in archive and "Presto" not in archive
    assert ongoing and later and soon


def test_empty_agenda_says_so(client):
    html = client.get("/en/agenda/").content.decode()
    assert "No event is planned at the moment" in html


def test_filter_by_kind(client, conference):
    workshop = make_kind("workshop", name_it="Workshop", name_en="Workshop")
    make_event(conference, title_it="Il convegno")
    make_event(workshop, title_it="Il workshop")
    html = client.get("/it/agenda/", {"kind": "workshop"}).content.decode()
    assert "Il workshop" in html and "Il convegno" not in html
    assert 'href="/it/agenda/ical/workshop/"' in html
    assert client.get("/it/agenda/", {"kind": "nothing"}).status_code == 404


def test_year_month_and_day_archives(client):
    event = make_event(title_it="Giornata", start=local(2006, 11, 24, 10))
    make_event(title_it="Altro mese", start=local(2006, 3, 1, 10))
    year = client.get("/it/agenda/2006/").content.decode()
    assert "Giornata" in year and "Altro mese" in year
    assert 'href="/it/agenda/2006/11/">novembre</a>' in year
    month = client.get("/it/agenda/2006/11/").content.decode()
    assert "Giornata" in month and "Altro mese" not in month
    day = client.get("/it/agenda/2006/11/24/").content.decode()
    assert event.get_absolute_url() in day


def test_month_calendar_is_an_accessible_table(client):
    make_event(
        title_it="Tre giorni", start=local(2026, 11, 27), end=local(2026, 11, 29), all_day=True
    )
    make_event(title_it="Mattina", start=local(2026, 11, 27, 9))
    html = client.get("/it/agenda/2026/11/").content.decode()
    table = html[html.index("<table>") : html.index("</table>")]
    assert "<caption>novembre 2026</caption>" in table
    assert table.count('<th scope="col">') == 7
    assert '<span class="visually-hidden">lunedì</span>' in table
    assert 'href="/it/agenda/2026/11/27/"' in table and "(2 eventi)" in table
    assert 'href="/it/agenda/2026/11/29/"' in table and "(1 evento)" in table
    assert 'href="/it/agenda/2026/11/30/"' not in table
    assert 'href="/it/agenda/2026/10/" rel="prev"' in html
    assert 'href="/it/agenda/2026/12/" rel="next"' in html
    english = client.get("/en/agenda/2026/11/").content.decode()
    assert "<caption>November 2026</caption>" in english
    assert "Next month: </span>December 2026" in english


@pytest.mark.parametrize(
    "path",
    [
        "/it/agenda/2026/13/",
        "/it/agenda/2026/0/",
        "/it/agenda/2026/2/30/",
        "/it/agenda/99999/",
        "/it/agenda/1200/1/",
        "/it/agenda/3000/",
        "/it/agenda/?page=abc",
        "/it/agenda/?page=99",
        "/it/agenda/archivio/?page=-1",
        "/it/agenda/2026/11/?kind=nothing",
        "/it/agenda/2026/11/24/nessuno/",
        "/it/agenda/2026/11/31/nessuno/",
        "/it/agenda/2026/11/24/nessuno.ics",
        "/it/agenda/ical/nothing/",
        "/it/agenda/iscrizioni/annulla/token-falso/",
    ],
)
def test_bad_input_is_404_in_the_layout(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="main-nav"' in response.content.decode()


def test_draft_event_is_hidden_but_staff_preview_it(client):
    draft = make_event(status=Status.DRAFT)
    future = make_event(published_at=timezone.now() + datetime.timedelta(days=1))
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(future.get_absolute_url()).status_code == 404
    assert client.get(draft.ics_url()).status_code == 404
    client.force_login(make_staff())
    html = client.get(draft.get_absolute_url()).content.decode()
    assert 'class="preview-banner"' in html


def test_attachments_pdf_and_audio_player(client):
    event = make_event()
    pdf = Attachment(event=event, title_it="Programma", order=1)
    pdf.file.save("programma.pdf", ContentFile(document("Programma", ["Accoglienza."])), save=False)
    pdf.save()
    wav = Attachment(event=event, title_it="Registrazione", order=2)
    wav.file.save("apertura.wav", ContentFile(recording()), save=False)
    wav.save()
    assert pdf.mime_type == "application/pdf" and not pdf.is_audio
    assert wav.mime_type == "audio/x-wav" and wav.is_audio
    html = client.get(event.get_absolute_url()).content.decode()
    # The player is named by the recording's title (tests/test_accessibility.py has more).
    assert (
        f'<audio controls preload="none" src="{wav.file.url}" '
        f'aria-labelledby="attachment-{wav.pk}-title">' in html
    )
    assert f'<a href="{pdf.file.url}">Programma</a> <span class="meta">(PDF,' in html


def test_uploads_are_checked_by_content():
    from django.core.exceptions import ValidationError

    event = make_event()
    fake = Attachment(event=event, title_it="Finto", order=1)
    fake.file = ContentFile(b"MZ\x90\x00 not a pdf", name="virus.pdf")
    with pytest.raises(ValidationError):
        fake.full_clean()  # the admin's path
    with pytest.raises(ValidationError):  # and any other path that stores the file
        fake.file.save("virus.pdf", ContentFile(b"MZ\x90\x00 not a pdf"), save=False)


def test_sequence_grows_when_the_schedule_changes():
    event = make_event(start=local(2026, 11, 24, 9, 30))
    assert event.sequence == 0
    event.summary_it = "Solo il riassunto cambia."
    event.save()
    assert event.sequence == 0
    event.start = local(2026, 11, 24, 10, 0)
    event.save()
    assert Event.objects.get(pk=event.pk).sequence == 1
    fresh = Event.objects.get(pk=event.pk)
    fresh.venue_address = "Via Nizza 280, Torino"
    fresh.save()
    fresh.title_en = "New title"
    fresh.save(update_fields=["title_en"])
    assert Event.objects.get(pk=event.pk).sequence == 3
    # Tracked, not read again: deferred columns count once Django loads them.
    partial = Event.objects.defer("end", "venue_address").get(pk=event.pk)
    assert partial.end is None  # loaded now, remembered as read
    partial.summary_it = "Un altro riassunto."
    with CaptureQueriesContext(connection) as queries:
        partial.save()
    assert queries[0]["sql"].startswith('UPDATE "events_event"')  # save() read nothing first
    assert Event.objects.get(pk=event.pk).sequence == 3
    partial.end = local(2026, 11, 24, 18)
    partial.save()
    assert Event.objects.get(pk=event.pk).sequence == 4
    # A column set without having been read may differ: the sequence grows.
    blind = Event.objects.only("pk", "sequence").get(pk=event.pk)
    blind.start = local(2026, 11, 24, 11, 0)
    blind.save(update_fields=["start"])
    assert Event.objects.get(pk=event.pk).sequence == 5


def test_same_day_same_slug_is_refused_by_validation():
    from django.core.exceptions import ValidationError

    make_event(title_it="Doppio", start=local(2026, 11, 24, 9))
    twin = Event(
        kind=make_kind(), title_it="Doppio", slug_it="doppio", start=local(2026, 11, 24, 15)
    )
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert list(error.value.message_dict) == ["slug_it"]


def test_home_shows_next_events(client):
    make_event(title_it="Prossimo incontro", start=days_from_now(5))
    make_event(title_it="Vecchio incontro", start=days_from_now(-5))
    html = client.get("/it/").content.decode()
    assert "Prossimi eventi" in html and "Prossimo incontro" in html
    assert "Vecchio incontro" not in html


def test_search_and_sitemap(client):
    event = make_event(title_it="Convegno sulla mobilità", title_en="Mobility conference")
    make_event(title_it="Mobilità in bozza", status=Status.DRAFT)
    html = client.get("/en/search/", {"q": "mobilità"}).content.decode()
    assert "Mobility conference" in html and "in bozza" not in html
    sitemap = sitemap_text(client)
    assert event.get_absolute_url() in sitemap
    with translation.override("en"):
        assert event.get_absolute_url() in sitemap
    assert "/it/agenda/archivio/" in sitemap


def test_rss_and_atom_feeds_of_new_events(client):
    make_event(title_it="Nuovo evento", published_at=timezone.now() - datetime.timedelta(hours=1))
    make_event(title_it="Segreto", status=Status.DRAFT)
    rss = client.get("/it/agenda/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "Nuovo evento" in rss.content.decode() and "Segreto" not in rss.content.decode()
    atom = client.get("/en/agenda/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    index = client.get("/it/agenda/").content.decode()
    assert 'type="application/atom+xml"' in index and 'href="/it/agenda/ical/"' in index


def test_feed_items_in_both_languages(client):
    """The items are written by events.feeds (not Django's per-item lookups): each one's
    address, date and place, summary, kind and dates, in the feed's language."""
    kind = make_kind("forum", name_it="Forum", name_en="Forum")
    event = make_event(
        kind,
        title_it="Il forum",
        title_en="The forum",
        start=local(2026, 11, 24, 9, 30),
        end=local(2026, 11, 24, 13),
        published_at=timezone.now() - datetime.timedelta(hours=1),
    )
    rss = client.get("/it/agenda/rss/")
    item = rss.content.decode().split("<item>")[1]
    url = f"http://testserver{event.get_absolute_url()}"
    assert f"<title>Il forum</title><link>{url}</link>" in item
    assert (
        "<description>24 novembre 2026, ore 09:30–13:00, Politecnico di Torino. In breve." in item
    )
    assert f"<guid>{url}</guid><category>Forum</category>" in item
    assert rss["Last-Modified"]
    with translation.override("en"):
        url = f"http://testserver{event.get_absolute_url()}"
    atom = client.get("/en/agenda/atom/").content.decode()
    assert f'<title>The forum</title><link href="{url}" rel="alternate"/>' in atom
    assert "24 November 2026 at 09:30–13:00, Politecnico di Torino. In brief." in atom
    # A text without its English version falls back to the Italian one, as on the pages.
    make_event(
        kind,
        title_it="Solo in italiano",
        title_en="",
        summary_en="",
        published_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    atom = client.get("/en/agenda/atom/").content.decode()
    assert "<title>Solo in italiano</title>" in atom and "In breve.</summary>" in atom


def test_admin_pages_work(admin_client):
    event = make_event()
    assert admin_client.get(reverse("admin:events_event_changelist")).status_code == 200
    assert (
        admin_client.get(reverse("admin:events_event_change", args=[event.pk])).status_code == 200
    )
    assert admin_client.get(reverse("admin:events_registration_changelist")).status_code == 200
    assert admin_client.get(reverse("admin:events_eventkind_changelist")).status_code == 200


# --- Queries: a fixed number however many events exist ----------------------------------


@pytest.fixture
def many_events():
    kinds = [make_kind(f"k{n}") for n in range(3)]
    start = local(2026, 1, 1, 9)
    Event.objects.bulk_create(
        Event(
            kind=kinds[n % 3],
            title_it=f"Evento {n}",
            title_en=f"Event {n}",
            slug_it=f"evento-{n}",
            slug_en=f"event-{n}",
            start=start + datetime.timedelta(hours=7 * n),
            status=Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=1),
        )
        for n in range(3000)
    )
    return Event.objects.order_by("pk")[1500]


# The numbers events/README.md states (the home page's: README.md, Speed); the lists':
# tests/test_events_lists.py.
@pytest.mark.parametrize(
    ("path", "queries"),
    [
        ("/it/agenda/ical/", 4),
        ("/it/agenda/ical/k1/", 5),
    ],
)
def test_queries_do_not_grow_with_events(
    client, many_events, django_assert_num_queries, path, queries
):
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", ["/it/agenda/rss/", "/en/agenda/atom/"])
def test_feed_queries_do_not_grow_with_events(client, many_events, django_assert_num_queries, path):
    """Built: which events (kept), the next scheduled publication, their rows; then one
    query (their rows, by primary key) until content changes."""
    with django_assert_num_queries(3):
        assert client.get(path).status_code == 200
    with django_assert_num_queries(1):
        assert client.get(path).content.count(b"Event") >= 30


def test_the_feed_keeps_its_items_until_content_changes(client, monkeypatch):
    make_event(title_it="Primo", published_at=timezone.now() - datetime.timedelta(hours=2))
    assert "Primo" in client.get("/it/agenda/rss/").content.decode()
    make_event(title_it="Secondo", published_at=timezone.now() - datetime.timedelta(hours=1))
    soon = timezone.now() + datetime.timedelta(minutes=30)  # within a kept value's hour
    make_event(title_it="Programmato", published_at=soon)
    html = client.get("/it/agenda/rss/").content.decode()
    assert "Secondo" in html and "Programmato" not in html
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    html = client.get("/it/agenda/rss/").content.decode()
    assert html.index("Programmato") < html.index("Secondo") < html.index("Primo")


def test_the_home_keeps_its_sections_until_content_changes(
    client, many_events, django_assert_num_queries
):
    # The introduction, each app's section, the next scheduled publication (one UNION).
    def home():  # each visitor's CSRF token aside
        return re.sub(
            r'name="csrfmiddlewaretoken" value="\w+"', "", client.get("/it/").content.decode()
        )

    with django_assert_num_queries(8):
        first = home()
    with django_assert_num_queries(1):  # the introduction; the sections are kept
        assert home() == first
    moved = Event.objects.published().upcoming().first()
    moved.title_it = "Un titolo nuovo"
    moved.save()
    assert "Un titolo nuovo" in client.get("/it/").content.decode()


def test_detail_queries_are_fixed(client, many_events, django_assert_num_queries):
    """A visitor's event page asks one query (the event, its kind and the row that extends
    it, e.g. a meeting): the neighbours and which events have files are kept until content
    changes. An event with files asks for them too."""
    client.get(many_events.get_absolute_url())  # fills what is kept
    with django_assert_num_queries(1):
        assert client.get(many_events.get_absolute_url()).status_code == 200
    pdf = Attachment(event=many_events, title_it="Programma")
    pdf.file.save("programma.pdf", ContentFile(document("Programma", ["Accoglienza."])))
    client.get(many_events.get_absolute_url())  # content changed: kept again
    with django_assert_num_queries(2):
        html = client.get(many_events.get_absolute_url()).content.decode()
    assert f'<a href="{pdf.file.url}">Programma</a>' in html
    with django_assert_num_queries(1):
        assert client.get(many_events.ics_url()).status_code == 200
