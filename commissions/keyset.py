"""Numbered pages read by keyset: the timeline's and a forum topic's `?page=N` cost what
`?page=1` costs, however long the list.

OFFSET makes the database walk every row before the page, and a Paginator counts them all
on every request. Instead, one query per content generation counts the list and notes the
`(field, pk)` key of the first row of every page (a window function, one row a page) and
the last row's key; `torino_portal.fragments.kept` keeps that until content changes (with
the list's models, so a scheduled item going live ends it). A page is then the rows from
its first key on, read along the index of `field`, LIMIT the page size: one query. The last
row's key bounds the last page's read (the timeline's meetings share the Agenda's table of
events, which has thousands of rows after them). Same idea as `press/paging.py`, for lists
in ascending order. A page number that is not a page is a 404, as with `paginate`.
"""

from django.core.paginator import InvalidPage, Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, F, Q, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.http import Http404


def page_keys(queryset, field, per_page):
    """(how many rows, [the (field, pk) of each page's first row], the last row's key)."""
    rows = list(
        queryset.annotate(
            _row=Window(RowNumber(), order_by=[F(field).asc(), F("pk").asc()]),
            _total=Window(Count("pk")),
        )
        .annotate(_position=(F("_row") - 1) % per_page)
        .filter(Q(_position=0) | Q(_row=F("_total")))
        .order_by(field, "pk")
        .values_list(field, "pk", "_row", "_total")
    )
    if not rows:
        return 0, [], None
    starts = [(value, pk) for value, pk, row, _total in rows if (row - 1) % per_page == 0]
    last = rows[-1]
    return last[3], starts, last[:2]


def keyset_page(request, queryset, field, per_page, keys):
    """The `?page=` page of `queryset` in (`field`, pk) order; `keys`: page_keys()'s value
    for this queryset and `per_page`, as the caller keeps it."""
    paginator, number = keyset_number(request, per_page, keys)
    return Page(keyset_rows(queryset, field, per_page, keys, number), number, paginator)


def keyset_number(request, per_page, keys):
    """(a Paginator counting `keys`' rows without a query, the `?page=` number); a number
    that is not a page is a 404."""
    paginator = Paginator([], per_page)
    paginator.count = keys[0]  # a cached_property: the kept count replaces the COUNT query
    try:
        number = paginator.validate_number(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    return paginator, number


def keyset_rows(queryset, field, per_page, keys, number):
    """The rows of page `number` (a valid one) of `queryset` in (`field`, pk) order."""
    _count, starts, last = keys
    if not starts:
        return []
    value, pk = starts[number - 1]
    return list(
        queryset.filter(
            _from(queryset.model, field, value, pk),
            # value <= field <= the last row's: the index range the page lies in.
            **{f"{field}__gte": value, f"{field}__lte": last[0]},
        ).order_by(field, "pk")[:per_page]
    )


def _from(model, field, value, pk):
    """The rows at or after (value, pk) in (field, pk) order. When both are columns of the
    model's own table, as a row comparison: an index on (…, field, id) then starts at the
    row itself, however many rows share `value` (contributions imported in one instant);
    a field of a parent table (a meeting's start) takes the OR of the two conditions."""
    column = model._meta.get_field(field)
    if column.model is not model:
        return Q(**{f"{field}__gt": value}) | Q(**{field: value, "pk__gte": pk})
    table = connection.ops.quote_name(model._meta.db_table)
    names = [f"{table}.{connection.ops.quote_name(f.column)}" for f in (column, model._meta.pk)]
    # The value as the field's own lookups pass it (SQLite keeps datetimes as text).
    value = column.get_db_prep_value(value, connection)
    return RawSQL(f"({names[0]}, {names[1]}) >= (%s, %s)", (value, pk), output_field=BooleanField())
