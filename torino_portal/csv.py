"""CSV files for staff: one writer, one formula guard, one download response.

Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return, which some
strip before looking) as a formula; an address or a name typed by a visitor could then run
a command on a staff member's computer. Every cell is written as text, with a leading
apostrophe when it would start a formula.
"""

import csv

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone

FORMULA_STARTS = frozenset("=+-@\t\r")


def cell(value):
    """`value` as the text of one cell, never a formula; None is an empty cell."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in FORMULA_STARTS else text


class _Echo:
    """A file whose `write` returns the line, so the writer yields instead of buffering."""

    def write(self, value):
        return value


def lines(header, rows):
    """The CSV text line by line: a byte-order mark (spreadsheets then read UTF-8), the
    header, then each row with every cell through `cell()`."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([cell(name) for name in header])
    for row in rows:
        yield writer.writerow([cell(value) for value in row])


def download(header, rows, name, *, stream=False):
    """A CSV attachment named `<name>-<date-time>.csv`; `stream` for long lists (memory does
    not grow with them)."""
    content = lines(header, rows)
    if stream:
        response = StreamingHttpResponse(content, content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse("".join(content), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response
