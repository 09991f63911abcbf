"""Month arithmetic, in one place: the Agenda's calendar and the press review's filter."""

import datetime


def shift_month(day, months):
    """The first day of the month `months` after (or, negative, before) `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_span(year, month):
    """(first day of the month, first day of the next month): a half-open range."""
    first = datetime.date(year, month, 1)
    return first, shift_month(first, 1)
