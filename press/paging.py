"""Numbered pages read by keyset: `?page=637` costs what `?page=1` costs.

An OFFSET makes the database walk (and here sort) every row before the page: 25 ms for page
637 of the press review's 20,000 articles. Instead, one query per content generation counts
the list and notes the sort key of the first row of every page (a window function, one row
a page); it is kept until content changes (`torino_portal.fragments.kept`, with the list's
model, so a scheduled item going live ends it). A page is then the rows from its first key
on, read along the list's index, LIMIT the page size.

The order must end with a unique field (the pk) and be descending on every field, as the
lists of this app are; a page number that is not a page is 404, as with `paginate`.
"""

from django.core.paginator import InvalidPage, Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from torino_portal import fragments


def _starts(queryset, order, per_page):
    """(how many rows, the key of the first row of each page)."""
    rows = (
        queryset.annotate(
            _row=Window(RowNumber(), order_by=[F(name).desc() for name in order]),
            _total=Window(Count("pk")),
        )
        .annotate(_position=(F("_row") - 1) % per_page)
        .filter(_position=0)
        .order_by(*(f"-{name}" for name in order))
        .values_list(*order, "_total")
    )
    rows = list(rows)
    return (rows[0][-1] if rows else 0), [row[:-1] for row in rows]


def _from(order, key):
    """Rows at or after `key` in the (descending) order."""
    condition = Q()
    for index, name in enumerate(order):
        last = index == len(order) - 1
        step = Q(**{f"{name}__lte" if last else f"{name}__lt": key[index]})
        step &= Q(**{previous: key[i] for i, previous in enumerate(order[:index])})
        condition |= step
    return condition


def _number(request, count, per_page):
    """The paginator (with the kept count) and the page number asked; 404 if not a page."""
    paginator = Paginator([], per_page)
    paginator.count = count  # a cached_property: the kept count replaces the COUNT query
    try:
        return paginator, paginator.validate_number(request.GET.get("page", 1))
    except InvalidPage as error:
        raise Http404(str(error)) from error


def keyset_page(request, queryset, order, per_page, *, name, key=(), models=(), fields=()):
    """The `?page=` page of `queryset` in `order` (field names, each descending, the last
    one unique). `name` and `key` name the list for what is kept (its filters); `models`:
    the Publishable models whose rows it lists; `fields`: the page as `values(*fields)`
    rather than as model instances."""
    count, starts = fragments.kept(
        name, lambda: _starts(queryset, order, per_page), *key, models=models
    )
    paginator, number = _number(request, count, per_page)
    items = []
    if starts:
        first = starts[number - 1]
        rows = queryset.filter(_from(order, first), **{f"{order[0]}__lte": first[0]})
        if fields:
            rows = rows.values(*fields)
        items = list(rows.order_by(*(f"-{field}" for field in order))[:per_page])
    return Page(items, number, paginator)
