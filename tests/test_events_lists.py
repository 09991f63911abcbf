"""The Agenda's lists (upcoming, archive, year, month, day): bounded queries, the kept order
of each list following every change and schedule, deep archive pages, rows as the model
shows them."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from events import lists
from events.models import Event
from events.templatetags.events import event_when
from tests.factories import make_staff
from tests.factories_commissions import make_commission, make_meeting
from tests.factories_events import days_from_now, local, make_event, make_kind
from torino_portal import fragments
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db


def _bulk_events(count, start, step=datetime.timedelta(hours=7), kinds=None):
    kinds = kinds or [make_kind(f"k{n}") for n in range(3)]
    Event.objects.bulk_create(
        Event(
            kind=kinds[n % len(kinds)],
            title_it=f"Evento {n}",
            title_en=f"Event {n}",
            slug_it=f"evento-{n}",
            slug_en=f"event-{n}",
            start=start + step * n,
            end=start + step * n + datetime.timedelta(hours=2),
            status=Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(days=1),
        )
        for n in range(count)
    )


@pytest.fixture(params=["few", "many"])
def events(request):
    """Three events (one past, one on 2026-03-10, one to come), or 3,000 from 2026-01-01
    every 7 hours (they reach 2028): every list has some."""
    if request.param == "few":
        kind = make_kind("k1")
        for start in (local(2025, 5, 5, 10), local(2026, 3, 10, 10), days_from_now(3)):
            make_event(kind, start=start)
    else:
        _bulk_events(3000, local(2026, 1, 1, 9))
    return request.param


# (address, queries the first time, queries once the list's order and nav are kept).
# The first time: the kinds 1, the list's order 1, its nav (calendar, years, months…),
# the next scheduled event, commission and plan 3 (what ends the kept value), the page's
# rows 1. Then only the page's rows, read by primary key.
LIST_QUERIES = [
    ("/it/agenda/", 8, 1),
    ("/it/agenda/?kind=k1", 8, 1),
    ("/it/agenda/archivio/", 7, 1),
    ("/it/agenda/archivio/?page=3", 7, 1),
    ("/it/agenda/2026/", 10, 1),
    ("/it/agenda/2026/3/", 7, 1),
    ("/it/agenda/2026/3/10/", 3, 1),
]


@pytest.mark.parametrize(("path", "first", "then"), LIST_QUERIES)
def test_list_queries_do_not_grow_with_events(
    client, events, django_assert_num_queries, path, first, then
):
    """The numbers events/README.md states, the same for 3 events and for 3,000."""
    if events == "few" and "page=3" in path:
        path = path.replace("page=3", "page=1")
    with django_assert_num_queries(first):
        assert client.get(path).status_code == 200
    with django_assert_num_queries(then):
        assert client.get(path).status_code == 200


def test_archive_pages_are_the_published_past_events_in_order(client):
    _bulk_events(95, local(2020, 1, 1, 9), step=datetime.timedelta(days=3))
    make_event(title_it="Bozza passata", start=local(2020, 6, 1, 10), status=Status.DRAFT)
    past = list(Event.objects.published().past().values_list("title_it", flat=True))
    assert len(past) == 95
    for number in (1, 3, 5):
        html = client.get("/it/agenda/archivio/", {"page": number}).content.decode()
        shown = past[(number - 1) * 20 : number * 20]
        positions = [html.index(f">{title}</a>") for title in shown]
        assert positions == sorted(positions)
        assert f"Pagina {number} di 5" in html
        assert "Bozza passata" not in html
    assert client.get("/it/agenda/archivio/", {"page": 6}).status_code == 404
    # The page links keep the query's other parameters.
    html = client.get("/it/agenda/archivio/", {"kind": "k1", "page": 1}).content.decode()
    assert '<a href="?kind=k1&amp;page=2" rel="next">Successiva</a>' in html
    html = client.get("/it/agenda/archivio/", {"kind": "k1", "page": 2}).content.decode()
    assert '<a href="?kind=k1&amp;page=1" rel="prev">Precedente</a>' in html
    assert '<li aria-current="page">Pagina 2 di 2</li>' in html and 'rel="next"' not in html
    # The years nav: every year with events, those still to come included.
    make_event(title_it="Futuro", start=local(timezone.localdate().year + 2, 3, 1, 10))
    html = client.get("/it/agenda/archivio/").content.decode()
    nav = html[html.index('class="year-list"') :]
    nav = nav[: nav.index("</nav>")]
    future = timezone.localdate().year + 2
    assert f'href="/it/agenda/{future}/">{future}</a>' in nav
    assert 'href="/it/agenda/2020/">2020</a>' in nav
    kind = make_kind("workshop")
    html = client.get("/it/agenda/archivio/", {"kind": "workshop"}).content.decode()
    assert kind and "Ancora nessun evento passato." in html


def test_kept_lists_show_every_change_at_once(client):
    kept = make_event(title_it="Conferenza", start=days_from_now(5))
    old = make_event(title_it="Incontro del 2019", start=local(2019, 5, 6, 10))
    month = f"/it/agenda/{kept.local_start_date.year}/{kept.local_start_date.month}/"
    for path in ("/it/agenda/", month):
        assert "Conferenza" in client.get(path).content.decode()
    assert "Incontro del 2019" in client.get("/it/agenda/archivio/").content.decode()
    # A new event, a changed title, an event withdrawn, one deleted: each shows at once.
    make_event(title_it="Seminario", start=kept.start + datetime.timedelta(hours=1))
    kept.title_it = "Conferenza internazionale"
    kept.save()
    for path in ("/it/agenda/", month):
        html = client.get(path).content.decode()
        assert "Seminario" in html and "Conferenza internazionale" in html
    kept.status = Status.DRAFT
    kept.save()
    for path in ("/it/agenda/", month):
        assert "Conferenza" not in client.get(path).content.decode()
    old.delete()
    html = client.get("/it/agenda/archivio/").content.decode()
    assert "Incontro del 2019" not in html and 'href="/it/agenda/2019/"' not in html


def test_a_scheduled_event_joins_the_kept_lists_when_it_goes_live(client, monkeypatch):
    make_event(title_it="Presente", start=days_from_now(4))
    soon = timezone.now() + datetime.timedelta(hours=3)  # kept values live 1 h at most
    make_event(title_it="Programmato", start=days_from_now(5), published_at=soon)
    make_event(title_it="Archivio programmato", start=local(2010, 2, 3, 10), published_at=soon)
    assert "Programmato" not in client.get("/it/agenda/").content.decode()
    assert "Archivio programmato" not in client.get("/it/agenda/archivio/").content.decode()
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Programmato" in client.get("/it/agenda/").content.decode()
    html = client.get("/it/agenda/archivio/").content.decode()
    assert "Archivio programmato" in html and 'href="/it/agenda/2010/"' in html


def test_a_meeting_joins_the_kept_lists_when_its_commission_goes_live(client, monkeypatch):
    soon = timezone.now() + datetime.timedelta(hours=3)
    commission = make_commission(published_at=soon)
    make_meeting(commission, title_it="Forum della commissione", start=local(2006, 4, 5, 10))
    assert "Forum della commissione" not in client.get("/it/agenda/archivio/").content.decode()
    assert "Forum della commissione" not in client.get("/it/agenda/2006/4/").content.decode()
    later = soon + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    monkeypatch.setattr(fragments.time, "time", lambda: later.timestamp())
    assert "Forum della commissione" in client.get("/it/agenda/archivio/").content.decode()
    assert "Forum della commissione" in client.get("/it/agenda/2006/4/").content.decode()


def test_staff_lists_are_never_kept(client):
    make_event(title_it="Conferenza", start=days_from_now(5))
    client.force_login(make_staff())
    for path in ("/it/agenda/", "/it/agenda/archivio/", "/it/agenda/2026/3/"):
        first = _count_queries(client, path)
        assert _count_queries(client, path) == first > 2


def _count_queries(client, path):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def test_a_long_event_is_in_every_month_and_day_it_touches(client):
    make_event(
        title_it="Mostra lunga",
        start=local(2026, 1, 10),
        end=local(2026, 4, 20),
        all_day=True,
    )
    for path in ("/it/agenda/2026/3/", "/it/agenda/2026/3/15/", "/it/agenda/2026/"):
        assert "Mostra lunga" in client.get(path).content.decode()
    html = client.get("/it/agenda/2026/4/").content.decode()
    assert 'href="/it/agenda/2026/4/20/"' in html and 'href="/it/agenda/2026/4/21/"' not in html
    assert "Mostra lunga" not in client.get("/it/agenda/2026/5/").content.decode()


def test_a_month_with_more_events_than_a_page(client):
    _bulk_events(27, local(2026, 3, 1, 9), step=datetime.timedelta(hours=20))
    first = client.get("/it/agenda/2026/3/").content.decode()
    second = client.get("/it/agenda/2026/3/", {"page": 2}).content.decode()
    assert first.count('class="event-item"') == 20 and second.count('class="event-item"') == 7
    assert "Pagina 1 di 2" in first and ">Evento 0</a>" in first and ">Evento 26</a>" in second
    assert client.get("/it/agenda/2026/3/", {"page": 3}).status_code == 404


def test_items_read_as_the_model_does_in_both_languages():
    kind = make_kind("conference", name_it="Convegno", name_en="Conference")
    both = make_event(
        kind, title_it="Il convegno", title_en="The conference & more", venue_name_en="Poli"
    )
    italian = make_event(
        kind, title_it="Solo <italiano>", title_en="", summary_en="", venue_name_en=""
    )
    events = Event.objects.filter(pk__in=[both.pk, italian.pk]).order_by("pk")
    for language in ("it", "en"):
        with translation.override(language):
            html = lists.items_html(lists.page_rows(lists.order(events)), [kind], "h3")
            for event in (both, italian):
                fallback = ' lang="it"' if language == "en" and event == italian else ""
                assert (
                    f'<h3 class="event-item__title"><a href="{event.get_absolute_url()}"'
                    f"{fallback}>{escape(event.title)}</a></h3>"
                ) in html
                assert f"{event_when(event)}</p>" in html
                assert f"{kind.name} · <span{fallback}>{event.venue_name}</span>" in html
                assert f'__summary"{fallback}>{event.summary}</p>' in html
            assert html.index(escape(both.title)) < html.index(escape(italian.title))
    # A changed row is another item: what is remembered never outlives an edit.
    both.title_it = "Il convegno annuale"
    both.save()
    html = lists.items_html(lists.page_rows(lists.order(events)), [kind], "h2")
    assert ">Il convegno annuale</a></h2>" in html


def test_the_english_list_marks_italian_fallbacks(client):
    make_event(title_it="Solo italiano", title_en="", start=days_from_now(3))
    html = client.get("/en/agenda/").content.decode()
    assert '<a href="/en/agenda/' in html and ' lang="it">Solo italiano</a>' in html
