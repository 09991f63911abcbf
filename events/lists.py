"""The Agenda's lists (upcoming, archive, year, month, day), cheap to show at any size.

- `order()`: the ids of a list's events in their order, as a compact array, from one query
  that reads no row; the views keep it per content generation (torino_portal/fragments.py,
  with the models that decide which events are public), so it is the list's count and
  its index: page n is ids[20(n-1):20n] — no COUNT, no OFFSET, and each page's query reads
  its 20 rows by primary key, the public-events rule (a join and a subquery to build and
  plan) applied once per generation rather than on every request.
- `rows()`: those rows' columns as plain `Row`s: no model instances, the address built from
  one reversed prefix, the date written by the tag every Agenda date goes through
  (`event_when`, remembered), the `lang` of each text that falls back to Italian worked
  out here — written by `{% event_items %}` with no include, reverse() or filter per item.
"""

import datetime
import functools
from array import array
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db import connections
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html

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


@dataclass(slots=True)
class Row:
    """An event as a list shows it (`event_when` reads start, end and all_day)."""

    start: datetime.datetime
    end: datetime.datetime | None
    all_day: bool
    url: str
    title: str
    title_lang: str  # ' lang="it"' when the text falls back to Italian, else ""
    kind: str
    venue: str
    venue_lang: str
    summary: str
    summary_lang: str
    when: str = ""


def _text(values, name, active):
    """(the text in the active language or else Italian, ' lang="it"' when it fell back,
    else "") — modeltranslation's fallback and `portal.lang_attr`, on a row of values."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = values[f"{name}_{active}"]
    if active == default or own:
        return own or "", ""
    fallback = values[f"{name}_{default}"]
    return (fallback, format_html(' lang="{}"', default)) if fallback else ("", "")


def rows(events, kinds):
    """`events` (dicts of LIST_FIELDS: a `.values(*LIST_FIELDS)` queryset, sliced to a
    page) as `Row`s; `kinds`: every EventKind, whose names the rows show (no join)."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    names = {kind.pk: kind.name for kind in kinds}
    prefix = reverse("events:index")  # the detail's address is <prefix><y>/<m>/<d>/<slug>/
    result = []
    for values in events:
        title, title_lang = _text(values, "title", active)
        venue, venue_lang = _text(values, "venue_name", active)
        summary, summary_lang = _text(values, "summary", active)
        slug, _lang = _text(values, "slug", active)
        row = Row(
            start=values["start"],
            end=values["end"],
            all_day=values["all_day"],
            url="",
            title=title,
            title_lang=title_lang,
            kind=names.get(values["kind_id"], ""),
            venue=venue,
            venue_lang=venue_lang,
            summary=summary,
            summary_lang=summary_lang,
        )
        day = timezone.localtime(row.start).date()
        row.url = f"{prefix}{day.year}/{day.month}/{day.day}/{slug}/"
        row.when = _when(row.start, row.end, row.all_day, active)
        result.append(row)
    return result


@functools.lru_cache(maxsize=4096)
def _when(start, end, all_day, language):
    """`event_when`'s HTML, remembered: it depends on nothing else (the time zone and the
    formats are settings), and formatting the dates is most of a list item's cost."""
    return event_when(SimpleNamespace(start=start, end=end, all_day=all_day))


def order(events):
    """The pks of `events` (a queryset, ordered) in its order, as an array of 8-byte ints
    (20,000 events: 160 KB). Read through the cursor: Django's rows would cost 5 times more."""
    sql, params = events.values_list("pk").query.sql_with_params()
    with connections[events.db].cursor() as cursor:
        cursor.execute(sql, params)
        return array("q", [row[0] for row in cursor.fetchall()])


def page_rows(pks, kinds):
    """The rows of the events `pks` (a page of a kept `order()`), in that order."""
    found = {
        values["pk"]: values
        for values in Event.objects.filter(pk__in=list(pks)).order_by().values(*LIST_FIELDS)
    }
    # An id whose event went away since the order was kept is skipped: a delete moves the
    # content generation, so this lasts one request at most.
    return rows([found[pk] for pk in pks if pk in found], kinds)
