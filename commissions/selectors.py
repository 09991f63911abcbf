"""What the commission pages show, assembled from several querysets (the views only render).

Each function runs a fixed number of queries whatever the number of meetings, documents and
topics (tests/test_commissions.py::test_pages_take_a_fixed_number_of_queries).
"""

import zoneinfo
from collections import namedtuple
from functools import lru_cache
from html import escape
from itertools import groupby
from types import SimpleNamespace

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import Count, F, Max, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import dateformat, timezone, translation
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

from events.templatetags.events import event_when
from plans.models import Plan
from torino_portal.publishing import published_filter
from torino_portal.templatetags.portal import lang_attr

from .models import (
    Commission,
    CommissionKind,
    Contribution,
    ContributionStatus,
    Document,
    Meeting,
    MeetingFormat,
    Person,
    PersonRole,
    Phase,
    Topic,
)
from .templatetags.commissions_tags import plain_text

# What the kept values below show: a scheduled one going live ends their life.
KEPT_MODELS = (Commission, Meeting, Plan)
# What the forum's kept parts show: the commissions (their plan) and the topics' counts.
FORUM_MODELS = (Commission, Plan, Topic)
APPROVED = Q(contributions__status=ContributionStatus.APPROVED)


def _translations(*fields):
    return [f"{field}_{code}" for field in fields for code, _name in settings.LANGUAGES]


def _listed_meetings():
    """Published meetings in date order, without the long texts a list does not show."""
    return (
        Meeting.objects.published()
        .defer("description", "outcome", *_translations("description", "outcome"))
        .order_by("start", "pk")
    )


def by_phase(meetings):
    """[(phase, [meetings])] for the three phases, each in date order."""
    return [(phase, [m for m in meetings if m.phase == phase]) for phase in Phase]


def commission_groups(commissions, keep):
    """The index: [(kind, [(commission, its meeting count, its coordinators' names)])].

    `commissions`: the published ones (published_commissions()); their coordinators and
    meeting counts (a count over every meeting) are kept per content generation by
    `keep(name, build)` (the view's: never for staff)."""
    facts = keep("commission-index-facts", _index_facts)
    cards = [(c, *facts.get(c.pk, (0, []))) for c in commissions]
    groups = [
        (kind, [card for card in cards if card[0].kind == kind.value]) for kind in CommissionKind
    ]
    return {"groups": groups, "commissions": cards}


def _index_facts():
    """{commission id: (number of its published meetings, [its coordinators' names])}."""
    counts = dict(
        Meeting.objects.published()
        .order_by()
        .values("commission")
        .annotate(count=Count("pk"))
        .values_list("commission", "count")
    )
    coordinators = {}
    for commission_id, name in (
        Person.objects.filter(role=PersonRole.COORDINATOR)
        .order_by("order", "pk")
        .values_list("commission", "name")
    ):
        coordinators.setdefault(commission_id, []).append(name)
    return {
        pk: (counts.get(pk, 0), coordinators.get(pk, []))
        for pk in counts.keys() | coordinators.keys()
    }


def commission_meetings(commission):
    """The commission's published meetings in date order, the pages of its meeting list."""
    return _listed_meetings().filter(commission=commission)


def published_commissions():
    """{address slug: commission} of the published commissions in their order, with their
    plan (not its texts): the index, a commission's page and a meeting's page find their
    commission here (kept per content generation) rather than in a query."""
    return {
        commission.slug: commission
        for commission in Commission.objects.published()
        .select_related("plan")
        .defer("plan__body", "plan__summary", *_translations("plan__body", "plan__summary"))
    }


def meetings_with_documents():
    """The pks of the meetings that have documents (a meeting page without any asks no
    more); documents have no publication state of their own."""
    return frozenset(
        Document.objects.exclude(meeting=None).values_list("meeting_id", flat=True).distinct()
    )


def commission_meeting_ids(commission):
    """The pks of the commission's published meetings in date order (its meeting list's
    pages are slices of it: kept per content generation, no COUNT or OFFSET a page)."""
    return list(commission_meetings(commission).values_list("pk", flat=True))


def commission_page(commission, page_obj, keep, link_models):
    """A commission's page: its people by role, a page of its meetings (`page_obj`, a page
    of commission_meeting_ids()) by phase and then by format with their documents and the
    commission's own, its directions and open topics.

    Two queries a page (the people, and the commission in the view); the meeting list with
    its documents, the directions and the topics are the same for every visitor and change
    only with content: `keep(name, build, *key)` keeps them per content generation (the
    view builds them afresh for staff)."""
    # A plain QuerySet: modeltranslation's rewriting of the lookups is most of its cost.
    people = list(QuerySet(Person).filter(commission_id=commission.pk).order_by("order", "pk"))
    meetings_html, documents_html = keep(
        "commission-meetings",
        lambda: _meeting_sections(commission, list(page_obj.object_list)),
        commission.pk,
        page_obj.number,
    )
    links_html = keep(
        "commission-links", lambda: _links(commission), commission.pk, models=link_models
    )
    return {
        "coordinators": [p for p in people if p.role == PersonRole.COORDINATOR],
        "members": [p for p in people if p.role == PersonRole.MEMBER],
        "page_obj": page_obj,
        "meetings_html": meetings_html,
        "documents_html": documents_html,
        "links_html": links_html,
    }


def _meeting_sections(commission, ids):
    """The HTML of a page of meetings by phase and format, and of the documents of those
    meetings and of the commission itself (every document stays on the page that lists its
    meeting, and on the meeting's own page): two queries, bounded by the page's size."""
    meetings = list(
        _listed_meetings()
        .filter(pk__in=ids)
        .only(
            "format",
            "phase",
            "start",
            "end",
            "all_day",
            *_translations("title", "slug", "venue_name"),
        )
    )
    prefix = commission.get_absolute_url()
    meeting_segment = reverse(
        "commissions:meeting", kwargs={"commission": commission.slug, "pk": 1, "slug": "x"}
    ).removeprefix(prefix)
    meeting_segment = meeting_segment[: meeting_segment.index("1-x/")]
    for meeting in meetings:
        meeting.commission = commission
        meeting.url = f"{prefix}{meeting_segment}{meeting.pk}-{meeting.slug or '-'}/"
    phases = []
    for phase, items in by_phase(meetings):
        formats = [
            (meeting_format, [m for m in items if m.format == meeting_format.value])
            for meeting_format in MeetingFormat
        ]
        phases.append((phase, items, [(f, ms) for f, ms in formats if ms]))
    documents = list(
        Document.objects.filter(commission=commission)
        .filter(Q(meeting=None) | Q(meeting__in=ids))
        .order_by("meeting__start", "order", "pk")
    )
    return (
        render_to_string(
            "commissions/_commission_meetings.html", {"phases": phases, "meetings": meetings}
        ),
        render_to_string("commissions/_documents.html", {"documents": documents}),
    )


def _links(commission):
    """The HTML of the commission's published directions, and of its published forum topics
    with their approved contributions counted."""
    topics = list(
        commission.topics.published()
        .defer("description", *_translations("description"))
        .annotate(contribution_count=Count("contributions", filter=APPROVED))
    )
    for topic in topics:
        topic.commission = commission
    directions = list(
        commission.directions.published()
        .select_related("plan")
        .defer(*_translations("description", "summary"), "description", "summary")
        .order_by("number")
    )
    return render_to_string(
        "commissions/_commission_links.html", {"directions": directions, "topics": topics}
    )


def timeline_meetings(commission_ids):
    """The published meetings of the commissions `commission_ids` (the published ones,
    from timeline_facts()). The ids as a list rather than Meeting.published()'s subquery:
    a simpler statement, quicker to plan."""
    # A plain QuerySet: the rows name their languages' columns, and modeltranslation's
    # rewriting of every lookup was a third of the time to build the statement.
    return QuerySet(Meeting).filter(**published_filter(), commission_id__in=commission_ids)


def timeline_rows(meetings):
    """`meetings` as rows (named tuples) of what the timeline shows of them: a tenth of the
    time model instances take to load."""
    return meetings.values_list(
        "pk",
        "commission_id",
        "format",
        "phase",
        "start",
        "end",
        "all_day",
        *_shown_translations("title", "slug", "venue_name"),
        named=True,
    )


def timeline_page(ids):
    """The timeline's rows (timeline_rows()) of the meetings `ids`, in that order: one query
    by primary key (the ids come from the published meetings of this content generation,
    kept with KEPT_MODELS). The statement is the ORM's, compiled once per language, number
    of ids and database (_page_statement): building it each time was a third of the view."""
    if not ids:
        return []
    connection = connections[DEFAULT_DB_ALIAS]
    sql, converters, row = _page_statement(translation.get_language(), len(ids))
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        rows = cursor.fetchall()
    if converters:  # what the ORM does with each value (SQLite's dates; none in PostgreSQL)
        rows = [list(values) for values in rows]
        for values in rows:
            for position, (functions, expression) in converters.items():
                for convert in functions:
                    values[position] = convert(values[position], expression, connection)
    rows = {values[0]: row._make(values) for values in rows}
    return [rows[pk] for pk in ids if pk in rows]


@lru_cache(maxsize=256)
def _page_statement(language, count):
    """(SQL, the column converters, the row class) of timeline_rows() for `count` primary
    keys, the `language` page's columns; the keys are the statement's parameters."""
    with translation.override(language):
        queryset = timeline_rows(QuerySet(Meeting).filter(pk__in=range(count)).order_by())
    compiler = queryset.query.get_compiler(DEFAULT_DB_ALIAS)
    sql, params = compiler.as_sql()
    if list(params) != list(range(count)):  # the keys must be the statement's only values
        raise ValueError("unexpected parameters in the timeline's statement")
    select = [expression for expression, _sql, _alias in compiler.select]
    names = [*queryset.query.values_select, *queryset.query.annotation_select]
    return sql, compiler.get_converters(select), namedtuple("Row", names)


def _shown_translations(*fields):
    """The columns of `fields` a page in the active language shows: its own and Italian,
    the fallback (what _translated reads)."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    codes = dict.fromkeys((translation.get_language(), default))
    return [f"{field}_{code}" for field in fields for code in codes]


def timeline_facts(per_page):
    """What every page of the timeline needs, the same for every visitor until content
    changes (kept per content generation by the view, with KEPT_MODELS):

    - "commissions": {id: (its meetings' address prefix, its link (HTML))} for the
      published commissions, in the active language;
    - "summaries": {phase: {count, first, last}} over every published meeting;
    - "heads": {phase: its heading and summary (HTML)};
    - "pages": the list's page keys in (start, pk) order as torino_portal.paging.page_keys
      gives them, `per_page` a page.
    """
    commissions = {}
    for commission in Commission.objects.published().only(
        "plan_id", *_translations("name", "slug")
    ):
        # One reverse() a commission: a meeting's address is the prefix + "<pk>-<slug>/".
        sample = reverse(
            "commissions:meeting", kwargs={"commission": commission.slug, "pk": 1, "slug": "x"}
        )
        commissions[commission.pk] = (
            sample.removesuffix("1-x/"),
            format_html(
                '<a href="{}"{}>{}</a>',
                commission.get_absolute_url(),
                lang_attr(commission, "name"),
                commission.name,
            ),
        )
    summaries, pages = _timeline_keys(timeline_meetings(list(commissions)), per_page)
    heads = {
        phase.value: render_to_string(
            "commissions/_timeline_phase.html",
            {"phase": phase, "summary": summaries.get(phase.value)},
        )
        for phase in Phase
    }
    return {
        "commissions": commissions,
        "summaries": summaries,
        "heads": heads,
        "pages": pages,
    }


def _timeline_keys(meetings, per_page):
    """({phase: {count, first, last}}, the page keys as torino_portal.paging.page_keys gives
    them) from one scan of the meetings: window functions number them in (start, pk) order
    and within their phase, and only the rows that start a page, end the list or start a
    phase come back (about one in 50). Two queries, a grouped one and page_keys, each read
    the Agenda's events in full when the kept value is rebuilt after a change."""
    order = [F("start").asc(), F("pk").asc()]
    by_phase = {"partition_by": [F("phase")]}
    rows = (
        meetings.annotate(
            _row=Window(RowNumber(), order_by=order),
            _total=Window(Count("pk")),
            _in_phase=Window(RowNumber(), order_by=order, **by_phase),
            _phase_count=Window(Count("pk"), **by_phase),
            _phase_last=Window(Max("start"), **by_phase),
        )
        .annotate(_position=(F("_row") - 1) % per_page)
        .filter(Q(_position=0) | Q(_row=F("_total")) | Q(_in_phase=1))
        .order_by("start", "pk")
        .values_list(
            "start", "pk", "phase", "_row", "_total", "_in_phase", "_phase_count", "_phase_last"
        )
    )
    summaries, starts, count, last = {}, [], 0, None
    for start, pk, phase, row, total, in_phase, phase_count, phase_last in rows:
        if in_phase == 1:
            summaries[phase] = {"count": phase_count, "first": start, "last": phase_last}
        if (row - 1) % per_page == 0:
            starts.append((start, pk))
        if row == total:
            count, last = total, (start, pk)
    return summaries, (count, starts, last)


def process_timeline(page_obj, facts):
    """A page of the timeline: [(phase, summary, head, [month])] with the page's
    meetings (`page_obj`, a page of timeline_rows()) and each
    phase's summary over all pages (count, first and last start; None when it has none).

    `month`: its heading and its meetings as an HTML list, written here from `facts`
    (timeline_facts()) — one string format a meeting instead of a dozen template lookups,
    a reverse() and lang checks (the template took 4 ms for 50 meetings)."""
    meetings = list(page_obj.object_list)
    summaries = facts["summaries"]
    commissions = facts["commissions"]
    formats = {value: escape(capfirst(str(label))) for value, label in MeetingFormat.choices}
    language, zone = translation.get_language(), timezone.get_current_timezone_name()

    def line(meeting):
        prefix, link = commissions[meeting.commission_id]
        label = formats.get(meeting.format, "")
        return _timeline_line(meeting, prefix, link, label, language, zone)

    phases = []
    for phase, items in by_phase(meetings):
        months = [
            mark_safe(  # noqa: S308 (every text escaped by _timeline_line)
                f"{_month_heading(month, language)}"
                f'\n    <ul class="timeline__meetings">{"".join(map(line, group))}\n    </ul>'
            )
            for month, group in groupby(items, key=lambda m: _month(m.start, zone))
        ]
        phases.append((phase, summaries.get(phase.value), facts["heads"][phase.value], months))
    return {"phases": phases, "meetings": meetings, "page_obj": page_obj}


@lru_cache(maxsize=4096)
def _timeline_line(meeting, prefix, commission_link, format_label, language, zone):
    """A meeting's <li> on the timeline: its title, format, commission, date and venue;
    every text escaped, `lang="it"` where a text falls back to Italian. A pure function of
    its arguments (the meeting's row: a changed meeting is another key), remembered."""
    title, title_lang = _translated(meeting, "title", language)
    slug, _lang = _translated(meeting, "slug", language)
    venue, venue_lang = _translated(meeting, "venue_name", language)
    venue = f" · <span{venue_lang}>{escape(venue)}</span>" if venue else ""
    return (
        f'\n      <li><a href="{prefix}{meeting.pk}-{escape(slug or "-")}/"{title_lang}>'
        f"{escape(title)}</a>\n"
        f'        <span class="meta">{format_label} · {commission_link} · '
        f"{_when(meeting.start, meeting.end, meeting.all_day, language, zone)}{venue}</span></li>"
    )


@lru_cache(maxsize=4096)
def _month(start, zone):
    """The first day of the month `start` falls in, in the time zone named `zone`."""
    return timezone.localtime(start, zoneinfo.ZoneInfo(zone)).date().replace(day=1)


@lru_cache(maxsize=1024)
def _month_heading(month, language):
    """A month's heading on the timeline ("Aprile 2005"), `language` part of the key."""
    label = escape(capfirst(dateformat.format(month, "F Y")))
    return f'\n    <h3><time datetime="{month:%Y-%m}">{label}</time></h3>'


@lru_cache(maxsize=4096)
def _when(start, end, all_day, language, zone):
    """The Agenda's `event_when` for these dates: a pure function of them, the active
    language and time zone (`language`, `zone`: part of the key), remembered — it formats
    two or three dates, 60 µs a meeting, 3 ms of a page of 50."""
    return event_when(SimpleNamespace(start=start, end=end, all_day=all_day))


def _translated(row, field, language):
    """(the field's text in `language`, falling back to Italian; ' lang="it"' when it
    falls back), as modeltranslation and torino_portal.i18n.fallback_language do."""
    text = getattr(row, f"{field}_{language}", None)
    if text or language == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
        return text or "", ""
    text = getattr(row, f"{field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}", None)
    return (text, f' lang="{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"') if text else ("", "")


def forum_facts():
    """What the forum's index needs besides its topics, the same for every visitor until
    content changes (kept per content generation by the view):

    - "commissions": {id: (order, its topics' address prefix, its heading link (HTML))}
      for the published commissions, in the active language;
    - "counts": {topic id: its approved contributions}, from one grouped query over every
      contribution (5,000 in the large data set: not a count to make on every view);
    - "topics": {(commission slug, topic slug), in the active language: topic} the
      published topics of the published commissions, with their commission and plan (not
      their texts): a visitor's topic page finds its topic there rather than in a query.
    """
    commissions = {}
    for commission in Commission.objects.published().only(
        "plan_id", "order", *_translations("name", "slug")
    ):
        # One reverse() a commission: a topic's address is the prefix + "<slug>/".
        sample = reverse("commissions:topic", kwargs={"commission": commission.slug, "slug": "x"})
        commissions[commission.pk] = (
            commission.order,
            sample.removesuffix("x/"),
            format_html(
                '<a href="{}"{}>{}</a>',
                commission.get_absolute_url(),
                lang_attr(commission, "name"),
                commission.name,
            ),
        )
    counts = dict(
        Contribution.objects.approved()
        .order_by()
        .values("topic")
        .annotate(count=Count("pk"))
        .values_list("topic", "count")
    )
    language = translation.get_language()
    topics = {
        (getattr(topic.commission, f"slug_{language}"), getattr(topic, f"slug_{language}")): topic
        for topic in Topic.objects.published()
        .select_related("commission__plan")
        .defer(
            # Not shown on a topic's page: the commission's mandate, the plan's texts.
            "commission__mandate",
            "commission__plan__body",
            "commission__plan__summary",
            *_translations(
                "commission__mandate", "commission__plan__body", "commission__plan__summary"
            ),
        )
    }
    return {"commissions": commissions, "counts": counts, "topics": topics}


def forum_groups(facts):
    """[(commission id, its heading link, [topics])] for the forum's index: the published
    topics of the published commissions (one query), in the commissions' order, newest
    first; each topic a namespace with its address, title (and lang attribute), number of
    approved contributions and whether it is open."""
    commissions = facts["commissions"]
    language = translation.get_language()
    rows = (
        QuerySet(Topic)  # plain: see timeline_meetings()
        .filter(**published_filter(), commission_id__in=list(commissions))
        .order_by("-published_at", "pk")
        .values_list(
            "pk", "commission_id", "is_open", *_shown_translations("title", "slug"), named=True
        )
    )
    groups = {}
    for row in rows:
        title, title_lang = _translated(row, "title", language)
        slug, _lang = _translated(row, "slug", language)
        groups.setdefault(row.commission_id, []).append(
            SimpleNamespace(
                url=f"{commissions[row.commission_id][1]}{slug}/",
                title=title,
                lang=mark_safe(title_lang),  # noqa: S308 (a constant attribute or "")
                count=facts["counts"].get(row.pk, 0),
                is_open=row.is_open,
            )
        )
    ordered = sorted(groups, key=lambda pk: (commissions[pk][0], pk))
    return [(pk, commissions[pk][2], groups[pk]) for pk in ordered]


def contribution_items(contributions):
    """A topic page's contributions as HTML list items, written here — one string format a
    contribution instead of the template's lookups and filters: the author, the date (as
    the template's `date` filter writes it, in the active time zone), the text by
    `plain_text`, `lang` when it was written in another language than the page's.
    `contributions`: rows (named tuples: pk, name, text, language, created_at)."""
    language = translation.get_language()
    shown = get_format("DATETIME_FORMAT")  # (the `date` filter's "c" is isoformat())
    zone = timezone.get_current_timezone_name()
    items = "".join(_contribution_item(row, language, shown, zone) for row in contributions)
    return mark_safe(items)  # noqa: S308 (every text escaped)


@lru_cache(maxsize=4096)
def _contribution_item(row, language, shown, zone):
    """A contribution's <li>: a pure function of its row (a changed contribution is another
    key), the page's language, the date format and the time zone, remembered."""
    created = timezone.localtime(row.created_at)
    lang = f' lang="{escape(row.language)}"' if row.language != language else ""
    return (
        f'\n    <li class="contribution" id="contribution-{row.pk}">\n'
        f'      <p class="contribution__meta"><strong>{escape(row.name)}</strong> · '
        f'<time datetime="{created.isoformat()}">{dateformat.format(created, shown)}</time></p>\n'
        f'      <div class="contribution__text"{lang}>{plain_text(row.text)}</div>\n'
        "    </li>"
    )
