"""Numbered pages: `paginate` for short lists; for long ones, pages read by keyset, where
`?page=637` costs what `?page=1` costs.

An OFFSET makes the database walk every row before the page (25 ms for page 637 of the
press review's 20,000 clippings), and a Paginator counts them all on every request.
Instead, `page_keys` counts the list in one query and notes the key of the first row of
every page and of the last row (a window function, one row a page); the caller keeps that
until content changes (`torino_portal.fragments.kept`, with the list's models, so a
scheduled item going live ends it). A page is then the rows from its first key on, read
along the list's index, LIMIT the page size: one query, bounded by the last row's key (the
timeline's meetings share the Agenda's table of events, with thousands of rows after them).

`order`: field names as for `order_by`, all ascending (`("start", "pk")`) or all descending
(`("-date", "-pk")`), the last one unique. A page number that is not a page is a 404.
"""

from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import InvalidPage, Page, Paginator
from django.db import connection
from django.db.models import BooleanField, Count, F, Q, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import RowNumber
from django.http import Http404


def paginate(request, object_list, per_page):
    """The `?page=` page of `object_list`; a page that is not a number or out of range is 404."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error


def page_keys(queryset, order, per_page):
    """(how many rows, [the key of each page's first row], the last row's key) of
    `queryset` in `order`; a key: the row's values of the order's fields."""
    names, descending = _direction(order)
    rows = list(
        queryset.annotate(
            _row=Window(
                RowNumber(), order_by=[F(n).desc() if descending else F(n).asc() for n in names]
            ),
            _total=Window(Count("pk")),
        )
        .annotate(_position=(F("_row") - 1) % per_page)
        .filter(Q(_position=0) | Q(_row=F("_total")))
        .order_by(*order)
        .values_list(*names, "_row", "_total")
    )
    if not rows:
        return 0, [], None
    starts = [row[:-2] for row in rows if (row[-2] - 1) % per_page == 0]
    return rows[-1][-1], starts, rows[-1][:-2]


def keyset_page(request, queryset, order, per_page, keys):
    """The `?page=` page of `queryset` in `order`; `keys`: page_keys()'s value for this
    list, `order` and `per_page`, as the caller keeps it."""
    paginator, number = keyset_number(request, keys[0], per_page)
    return Page(keyset_rows(queryset, order, per_page, keys, number), number, paginator)


def keyset_number(request, count, per_page):
    """(a Paginator of `count` rows that asks no COUNT, the `?page=` number); a number that
    is not a page is a 404."""
    paginator = Paginator([], per_page)
    paginator.count = count  # a cached_property: the kept count replaces the COUNT query
    try:
        number = paginator.validate_number(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error
    return paginator, number


def keyset_rows(queryset, order, per_page, keys, number):
    """The rows of page `number` (a valid one) of `queryset` in `order`."""
    _count, starts, last = keys
    if not starts:
        return []
    names, descending = _direction(order)
    first = starts[number - 1]
    # Between the page's first and the last row's value of the first field: the index
    # range the page lies in.
    low, high = (last[0], first[0]) if descending else (first[0], last[0])
    rows = queryset.filter(
        _from(queryset.model, names, descending, first),
        **{f"{names[0]}__gte": low, f"{names[0]}__lte": high},
    )
    return list(rows.order_by(*order)[:per_page])


def _direction(order):
    """(the order's field names, whether it is descending); every field one way."""
    descending = order[0].startswith("-")
    if any(name.startswith("-") != descending for name in order):
        raise ValueError(f"A keyset order goes one way: {order!r}")
    return [name.removeprefix("-") for name in order], descending


def _from(model, names, descending, key):
    """The rows at or after `key` in the order. When every field is a column of the model's
    own table, as a row comparison: an index on them then starts at the row itself, however
    many rows share the first value (contributions imported in one instant); a field of a
    parent table (a meeting's start) takes the OR of one condition a field."""
    meta = model._meta
    try:
        fields = [meta.pk if name == "pk" else meta.get_field(name) for name in names]
    except FieldDoesNotExist:  # a lookup across a relation
        fields = None
    if fields is None or any(field.model is not meta.concrete_model for field in fields):
        condition = Q()
        for index, name in enumerate(names):
            # The key's values on the fields before this one, beyond it on this one (at or
            # beyond on the last, unique one).
            lookup = ("lt" if descending else "gt") + ("e" if index == len(names) - 1 else "")
            same = dict(zip(names[:index], key[:index], strict=True))
            condition |= Q(**{f"{name}__{lookup}": key[index]}, **same)
        return condition
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(f"{table}.{quote(field.column)}" for field in fields)
    # The values as the fields' own lookups pass them (SQLite keeps datetimes as text).
    values = [
        field.get_db_prep_value(value, connection) for field, value in zip(fields, key, strict=True)
    ]
    marks = ", ".join(["%s"] * len(fields))
    return RawSQL(
        f"({columns}) {'<=' if descending else '>='} ({marks})", values, output_field=BooleanField()
    )
