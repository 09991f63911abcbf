"""The Agenda's lists (upcoming, archive, year, month, day), cheap to show at any size.

- `order()`: the ids of a list's events in their order, as a compact array, from one query
  that reads no row; the views keep it per content generation (torino_portal/fragments.py,
  with the models that decide which events are public), so it is the list's count and
  its index: page n is ids[20(n-1):20n] — no COUNT, no OFFSET, and each page's query reads
  its 20 rows by primary key, the public-events rule (a join and a subquery to build and
  plan) applied once per generation rather than on every request.
- `page_rows()`: those rows, as tuples of the columns an item shows, read on every request.
- `items_html()`: the items' markup (`_event_item.html`'s, which the home page includes),
  each written by a pure function of its row, the language and the heading level —
  remembered, so the same row costs a dictionary lookup the next time: the address from one
  reversed prefix, the date by `event_when`, `lang="it"` on each text that falls back to
  Italian, everything escaped. A changed row is another key: nothing outlives an edit.
"""

import functools
from array import array

from django.conf import settings
from django.db import connections
from django.db.models import IntegerField, QuerySet
from django.db.models.functions import Cast, ExtractYear
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from torino_portal.i18n import LANGUAGE_CODES

from .models import Event
from .templatetags.events import event_when

TRANSLATED = ("title", "slug", "summary", "venue_name")
LIST_FIELDS = (
    "pk",
    "kind_id",
    "start",
    "end",
    "all_day",
    *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
)
_INDEX = {name: index for index, name in enumerate(LIST_FIELDS)}
HEADINGS = {"h2", "h3", "h4"}
_KIND = _INDEX["kind_id"]


def order(events):
    """The pks of `events` (a queryset, ordered) in its order, as an array of 8-byte ints
    (20,000 events: 160 KB). Read through the cursor: Django's rows would cost 5 times more."""
    sql, params = events.values_list("pk").query.sql_with_params()
    with connections[events.db].cursor() as cursor:
        cursor.execute(sql, params)
        return array("q", [row[0] for row in cursor.fetchall()])


def order_and_years(events):
    """`order(events)` and the years (in the portal's time zone) its events start in, from
    the same query: `events` ordered by start, most recent first."""
    year = Cast(ExtractYear("start"), IntegerField())  # an int, not a numeric, to read
    rows = events.annotate(local_year=year).values_list("pk", "local_year")
    sql, params = rows.query.sql_with_params()
    pks, years = array("q"), []
    with connections[events.db].cursor() as cursor:
        cursor.execute(sql, params)
        # Django may put the annotation first: the columns are found by name.
        at = 0 if cursor.description[0][0] == "local_year" else 1
        for row in cursor.fetchall():
            pk, year = row[1 - at], row[at]
            pks.append(pk)
            if not years or years[-1] != year:
                years.append(year)
    return pks, years


def page_rows(pks):
    """The rows (tuples of LIST_FIELDS) of the events `pks` — a page of a kept `order()` —
    in that order, in one query by primary key."""
    # A plain QuerySet: the columns are named per language already, and modeltranslation's
    # rewriting of the query was a third of its cost.
    events = QuerySet(Event).filter(pk__in=list(pks)).order_by()
    found = {row[0]: row for row in events.values_list(*LIST_FIELDS)}
    # An id whose event went away since the order was kept is skipped: a delete moves the
    # content generation, so this lasts one request at most.
    return [found[pk] for pk in pks if pk in found]


def _text(row, name, language):
    """(the text in `language` or else Italian, ' lang="it"' when it fell back, else "") —
    modeltranslation's fallback and `portal.lang_attr`, on a row."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = row[_INDEX[f"{name}_{language}"]]
    if language == default or own:
        return own or "", ""
    fallback = row[_INDEX[f"{name}_{default}"]]
    return (fallback, f' lang="{default}"') if fallback else ("", "")


@functools.lru_cache(maxsize=4096)
def _item(row, kind, heading, language, prefix):
    """One item's markup: a pure function of its arguments (the time zone and the date
    formats are settings), hence remembered."""
    start, end, all_day = (row[_INDEX[name]] for name in ("start", "end", "all_day"))
    title, title_lang = _text(row, "title", language)
    venue, venue_lang = _text(row, "venue_name", language)
    summary, summary_lang = _text(row, "summary", language)
    slug, _fallback = _text(row, "slug", language)
    day = timezone.localtime(start).date()
    url = f"{prefix}{day.year}/{day.month}/{day.day}/{slug}/"  # events:detail
    when = event_when(_When(start, end, all_day))
    venue = f" · <span{venue_lang}>{conditional_escape(venue)}</span>" if venue else ""
    summary = (
        f'  <p class="event-item__summary"{summary_lang}>{conditional_escape(summary)}</p>\n'
        if summary
        else ""
    )
    return (
        '<li class="event-item">\n'
        f'  <p class="event-item__when">{when}</p>\n'
        f'  <{heading} class="event-item__title"><a href="{conditional_escape(url)}"'
        f"{title_lang}>{conditional_escape(title)}</a></{heading}>\n"
        f'  <p class="meta">{conditional_escape(kind)}{venue}</p>\n'
        f"{summary}</li>\n"
    )


class _When:
    """What `event_when` reads of an event."""

    __slots__ = ("all_day", "end", "start")

    def __init__(self, start, end, all_day):
        self.start, self.end, self.all_day = start, end, all_day


def items_html(rows, kinds, heading="h2"):
    """The `<li>` items of `rows` (from `page_rows`); `kinds`: every EventKind, whose names
    the items show (no join); `heading`: the titles' level."""
    heading = heading if heading in HEADINGS else "h2"
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    names = {kind.pk: kind.name for kind in kinds}
    prefix = reverse("events:index")
    return mark_safe(  # noqa: S308 (_item escapes every text)
        "".join(_item(row, names.get(row[_KIND], ""), heading, language, prefix) for row in rows)
    )
