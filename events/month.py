"""The month calendar: a grid of weeks, each day marked with how many events touch it."""

import calendar
import datetime
from dataclasses import dataclass

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property

from torino_portal.months import month_span, shift_month

# A week that starts on Monday, as in Italy and most of Europe.
FIRST_WEEKDAY = calendar.MONDAY


@dataclass
class Day:
    date: datetime.date
    in_month: bool
    count: int = 0
    is_today: bool = False
    url: str = ""


@dataclass
class Month:
    first: datetime.date
    weeks: list
    weekdays: list  # [(short name, full name)]
    previous: datetime.date | None
    next: datetime.date | None

    @cached_property  # the month is kept per language: formatted once
    def caption(self):
        return date_format(self.first, "F Y")


def event_counts(events, first, last):
    """{day: number of events} for the days from `first` to `last` that events touch.

    `events` yields (start, end) pairs; one query however many events there are.
    """
    counts = {}
    for start, end in events:
        day = max(timezone.localtime(start).date(), first)
        stop = min(timezone.localtime(end).date() if end else day, last)
        while day <= stop:
            counts[day] = counts.get(day, 0) + 1
            day += datetime.timedelta(days=1)
    return counts


def build_month(year, month, spans, *, min_year, max_year, query=""):
    """The calendar of `year`-`month`; `spans`: the (start, end) of the events to mark."""
    first, following = month_span(year, month)
    last = following - datetime.timedelta(days=1)
    counts = event_counts(spans, first, last)
    today = timezone.localdate()
    weeks = []
    for week in calendar.Calendar(FIRST_WEEKDAY).monthdatescalendar(year, month):
        row = []
        for date in week:
            day = Day(date, date.month == month, is_today=date == today)
            if day.in_month:
                day.count = counts.get(date, 0)
                if day.count:
                    kwargs = {"year": date.year, "month": date.month, "day": date.day}
                    day.url = reverse("events:day", kwargs=kwargs) + query
            row.append(day)
        weeks.append(row)
    monday = first - datetime.timedelta(days=first.weekday())
    weekdays = [
        (
            date_format(monday + datetime.timedelta(days=n), "D"),
            date_format(monday + datetime.timedelta(days=n), "l"),
        )
        for n in range(7)
    ]
    previous, following = shift_month(first, -1), shift_month(first, 1)
    return Month(
        first=first,
        weeks=weeks,
        weekdays=weekdays,
        previous=previous if previous.year >= min_year else None,
        next=following if following.year <= max_year else None,
    )
