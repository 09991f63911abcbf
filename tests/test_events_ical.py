"""iCalendar: what the portal serves, parsed back with the `icalendar` library, field by field."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from tests.factories_events import days_from_now, local, make_event, make_kind
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db
ROME = ZoneInfo("Europe/Rome")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return {str(component["UID"]): component for component in calendar.walk("VEVENT")}


def test_one_event_ics_has_every_field(client, settings):
    settings.SITE_URL = "https://www.torinointernazionale.org"
    kind = make_kind("conference", name_it="Convegno", name_en="Conference")
    event = make_event(
        kind,
        title_it="Una giornata di studio",
        title_en="A study day",
        summary_it="Con università e imprese.",
        start=local(2026, 11, 24, 9, 30),
        end=local(2026, 11, 24, 13, 0),
        venue_name_it="Politecnico di Torino",
        venue_address="Corso Duca degli Abruzzi 24, Torino",
    )
    response = client.get(event.ics_url())
    assert response["Content-Disposition"] == 'attachment; filename="una-giornata-di-studio.ics"'
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0" and "Torino Internazionale" in str(calendar["PRODID"])
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Rome"]
    (component,) = calendar.walk("VEVENT")
    assert str(component["UID"]) == f"event-{event.pk}@www.torinointernazionale.org"
    assert str(component["SUMMARY"]) == "Una giornata di studio"
    start, end = component.decoded("DTSTART"), component.decoded("DTEND")
    assert start == datetime.datetime(2026, 11, 24, 9, 30, tzinfo=ROME)
    assert (
        str(start.tzinfo) == "Europe/Rome" and component["DTSTART"].params["TZID"] == "Europe/Rome"
    )
    assert end == datetime.datetime(2026, 11, 24, 13, 0, tzinfo=ROME)
    assert component.decoded("DTSTAMP") == event.updated_at.replace(microsecond=0)
    assert component.decoded("SEQUENCE") == 0
    assert str(component["URL"]) == (
        "https://www.torinointernazionale.org/it/agenda/2026/11/24/una-giornata-di-studio/"
    )
    assert str(component["LOCATION"]) == (
        "Politecnico di Torino, Corso Duca degli Abruzzi 24, Torino"
    )
    assert "Con università e imprese." in str(component["DESCRIPTION"])
    assert component["CATEGORIES"].cats == ["Convegno"]
    english = parse(
        client.get(
            event.ics_url().replace("/it/", "/en/").replace("una-giornata-di-studio", "a-study-day")
        )
    )
    (component_en,) = english.walk("VEVENT")
    assert str(component_en["SUMMARY"]) == "A study day"
    assert str(component_en["UID"]) == str(component["UID"])  # the same event everywhere


def test_all_day_events_are_dates_with_an_exclusive_end(client):
    single = make_event(title_it="Un giorno", start=local(2026, 11, 24), all_day=True)
    several = make_event(
        title_it="Tre giorni", start=local(2026, 11, 27), end=local(2026, 11, 29), all_day=True
    )
    for event, first, after_last in [
        (single, datetime.date(2026, 11, 24), datetime.date(2026, 11, 25)),
        (several, datetime.date(2026, 11, 27), datetime.date(2026, 11, 30)),
    ]:
        (component,) = parse(client.get(event.ics_url())).walk("VEVENT")
        assert component["DTSTART"].params["VALUE"] == "DATE"
        assert component.decoded("DTSTART") == first
        assert type(component.decoded("DTSTART")) is datetime.date
        assert component.decoded("DTEND") == after_last
        assert component["DTEND"].params["VALUE"] == "DATE"


def test_event_without_end_has_no_dtend(client):
    event = make_event(start=local(2026, 11, 24, 18))
    (component,) = parse(client.get(event.ics_url())).walk("VEVENT")
    assert "DTEND" not in component


def test_sequence_grows_in_the_feed_when_an_event_moves(client):
    event = make_event(start=days_from_now(10, 9))
    before = vevents(parse(client.get("/it/agenda/ical/")))[f"event-{event.pk}@127.0.0.1"]
    event.start = days_from_now(11, 9)
    event.save()
    after = vevents(parse(client.get("/it/agenda/ical/")))[f"event-{event.pk}@127.0.0.1"]
    assert after.decoded("SEQUENCE") == before.decoded("SEQUENCE") + 1
    assert after.decoded("DTSTART") == days_from_now(11, 9)
    assert after.decoded("DTSTAMP") >= before.decoded("DTSTAMP")


def test_agenda_feed_and_per_kind_feed(client):
    workshop = make_kind("workshop", name_it="Workshop", name_en="Workshop")
    forum = make_kind("forum", name_it="Forum", name_en="Forum")
    coming = make_event(workshop, title_it="Workshop in arrivo", start=days_from_now(5))
    last_month = make_event(forum, title_it="Forum recente", start=days_from_now(-20))
    make_event(forum, title_it="Forum antico", start=days_from_now(-800))
    make_event(forum, title_it="Forum in bozza", status=Status.DRAFT)
    make_event(
        forum, title_it="Non ancora", published_at=timezone.now() + datetime.timedelta(days=1)
    )
    calendar = parse(client.get("/it/agenda/ical/"))
    assert str(calendar["X-WR-CALNAME"]) == "Torino Internazionale — Agenda"
    assert str(calendar["X-WR-TIMEZONE"]) == "Europe/Rome"
    titles = {str(c["SUMMARY"]) for c in calendar.walk("VEVENT")}
    assert titles == {"Workshop in arrivo", "Forum recente"}
    response = client.get("/it/agenda/ical/workshop/")
    assert response["Content-Disposition"].startswith("inline")
    by_kind = parse(response)
    assert [str(c["UID"]) for c in by_kind.walk("VEVENT")] == [f"event-{coming.pk}@127.0.0.1"]
    assert "Workshop" in str(by_kind["X-WR-CALNAME"])
    assert last_month


def test_feeds_are_announced_in_the_head(client):
    event = make_event()
    html = client.get(event.get_absolute_url()).content.decode()
    head = html[: html.index("</head>")]
    assert (
        f'type="text/calendar" title="{event.title_it} (iCalendar)" href="{event.ics_url()}"'
        in head
    )
    assert 'type="text/calendar" title="Agenda (iCalendar)" href="/it/agenda/ical/"' in head


def test_the_feed_holds_the_last_30_days_and_what_is_ahead_within_a_bound(client, monkeypatch):
    """A calendar program downloads the whole feed at every refresh: it keeps a month of
    the past and the events ahead, at most FEED_MAX_EVENTS of them (what is ahead first),
    so its size stays bounded however many events the Agenda holds."""
    from events import views

    make_event(title_it="Un mese e mezzo fa", start=days_from_now(-45))
    make_event(title_it="Tre settimane fa", start=days_from_now(-21))
    make_event(title_it="Ancora in corso", start=days_from_now(-40), end=days_from_now(2))
    make_event(title_it="Tra un anno e mezzo", start=days_from_now(540))
    titles = [str(c["SUMMARY"]) for c in parse(client.get("/it/agenda/ical/")).walk("VEVENT")]
    assert titles == ["Ancora in corso", "Tre settimane fa", "Tra un anno e mezzo"]
    # The archive keeps the older one, with its own .ics file.
    assert "Un mese e mezzo fa" in client.get("/it/agenda/archivio/").content.decode()
    monkeypatch.setattr(views, "FEED_MAX_EVENTS", 2)
    for n in range(3):
        make_event(title_it=f"In arrivo {n}", start=days_from_now(10 + n))
    titles = [str(c["SUMMARY"]) for c in parse(client.get("/it/agenda/ical/")).walk("VEVENT")]
    assert titles == ["Ancora in corso", "In arrivo 0"]
    monkeypatch.setattr(views, "FEED_MAX_EVENTS", 6)
    make_event(title_it="Ieri", start=days_from_now(-1))  # room for one of the past two
    titles = [str(c["SUMMARY"]) for c in parse(client.get("/it/agenda/ical/")).walk("VEVENT")]
    assert titles[:2] == ["Ancora in corso", "Ieri"] and "Tre settimane fa" not in titles
    assert len(titles) == 6


@pytest.mark.parametrize("count", [3, 150])
def test_feed_queries_do_not_grow_with_events(client, django_assert_num_queries, count):
    """After a content change: which events (those ahead, the recent past: kept), the next
    scheduled publication, their last change, their rows; then the file comes from the
    cache with one query (their last change). One kind: its row too."""
    from events.models import Event

    kind = make_kind("k1")
    Event.objects.bulk_create(
        Event(
            kind=kind,
            title_it=f"Evento {n}",
            title_en=f"Event {n}",
            slug_it=f"evento-{n}",
            slug_en=f"event-{n}",
            start=days_from_now(n % 90 - 29),  # a third in the last 30 days
            status=Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=1),
        )
        for n in range(count)
    )
    for path, built, served in [("/it/agenda/ical/", 5, 1), ("/it/agenda/ical/k1/", 5, 2)]:
        with django_assert_num_queries(built):
            assert client.get(path).status_code == 200
        with django_assert_num_queries(served):
            calendar = parse(client.get(path))
        assert len(calendar.walk("VEVENT")) == count


def test_a_scheduled_event_joins_the_kept_feed_when_it_goes_live(client, monkeypatch):
    from torino_portal import fragments

    make_event(title_it="Già pubblico", start=days_from_now(3))
    soon = timezone.now() + datetime.timedelta(minutes=30)  # within a kept value's hour
    make_event(title_it="Programmato", start=days_from_now(4), published_at=soon)
    titles = [str(c["SUMMARY"]) for c in parse(client.get("/it/agenda/ical/")).walk("VEVENT")]
    assert titles == ["Già pubblico"]
    later = soon + datetime.timedelta(seconds=1)  # nothing saved in between
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    titles = [str(c["SUMMARY"]) for c in parse(client.get("/it/agenda/ical/")).walk("VEVENT")]
    assert titles == ["Già pubblico", "Programmato"]
