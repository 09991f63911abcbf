"""How an event's date reads, in each language: one day, several days, with or without times.

24 novembre 2026                       all day
24–26 novembre 2026                    several days
30 novembre – 2 dicembre 2026
24 novembre 2026, ore 9:30             no end time
24 November 2026, 9:30 a.m.–1 p.m.     same day
24 novembre 2026, ore 9:30 – 25 novembre 2026, ore 13:00
"""

import datetime
from functools import lru_cache

from django import template
from django.utils import timezone, translation
from django.utils.formats import date_format as _date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

register = template.Library()


@lru_cache(maxsize=8192)
def _formatted(value, offset, format_name, language):
    return _date_format(value, format_name)


def date_format(value, format_name):
    """Django's date_format, remembered per value, format and language: formatting was most
    of a feed item's time (30 items, three dates each), and the same dates come back. The
    offset is in the key: aware datetimes of one instant are equal whatever their zone."""
    offset = value.utcoffset() if isinstance(value, datetime.datetime) else None
    return _formatted(value, offset, format_name, translation.get_language())


def _time_tag(value, text, with_time):
    iso = value.isoformat() if with_time else value.strftime("%Y-%m-%d")
    return format_html('<time datetime="{}">{}</time>', iso, text)


def _parts(event):
    """[(value, text, with_time)] and separators, shared by the HTML and the text forms."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end) if event.end else None
    first, last = start.date(), end.date() if end else start.date()
    if event.all_day:
        if first == last:
            return [(first, date_format(first, "j F Y"), False)]
        if (first.year, first.month) == (last.year, last.month):
            head = date_format(first, "j")
            return [(first, head, False), "–", (last, date_format(last, "j F Y"), False)]
        head = date_format(first, "j F" if first.year == last.year else "j F Y")
        return [(first, head, False), " – ", (last, date_format(last, "j F Y"), False)]
    start_text = _("%(date)s at %(time)s") % {
        "date": date_format(first, "j F Y"),
        "time": date_format(start, "TIME_FORMAT"),
    }
    if end is None or end == start:
        return [(start, start_text, True)]
    if first == last:
        return [(start, start_text, True), "–", (end, date_format(end, "TIME_FORMAT"), True)]
    end_text = _("%(date)s at %(time)s") % {
        "date": date_format(last, "j F Y"),
        "time": date_format(end, "TIME_FORMAT"),
    }
    return [(start, start_text, True), " – ", (end, end_text, True)]


@register.simple_tag
def event_when(event):
    """The event's dates and times as `<time>` elements."""
    pieces = (part if isinstance(part, str) else _time_tag(*part) for part in _parts(event))
    return mark_safe("".join(conditional_escape(piece) for piece in pieces))  # noqa: S308


def when_text(event):
    """The same, as plain text (feeds, e-mails)."""
    return "".join(part if isinstance(part, str) else part[1] for part in _parts(event))


register.filter("when_text", when_text)
