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

from functools import cache

from django.core.paginator import InvalidPage, Page, Paginator
from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from torino_portal import fragments
from torino_portal.publishing import PublishableQuerySet


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


_OPERATORS = {"exact": "=", "lt": "<", "lte": "<=", "gte": ">=", "gt": ">"}


def _column(model, path, joins):
    """(the SQL of the column `path` — "pk", "date", "source__name" —, its field, its
    table); a relation adds its join to `joins` (table -> JOIN clause), once."""
    quote = connection.ops.quote_name
    *relations, name = path.split("__")
    table, current = model._meta.db_table, model
    for relation in relations:
        foreign_key = current._meta.get_field(relation)
        target = foreign_key.related_model
        alias = target._meta.db_table
        if alias not in joins:
            kind = "LEFT OUTER JOIN" if foreign_key.null else "INNER JOIN"
            joins[alias] = (
                f"{kind} {quote(alias)} ON ({quote(table)}.{quote(foreign_key.column)} = "
                f"{quote(alias)}.{quote(target._meta.pk.column)})"
            )
        table, current = alias, target
    field = current._meta.pk if name == "pk" else current._meta.get_field(name)
    return f"{quote(table)}.{quote(field.column)}", field, table


@cache
def _page_sql(model, fields, order, lookups, vendor):
    """The page query of one shape of list, written once: (SQL, the fields whose values
    fill its parameters in order, each selected column's converters).

    `lookups`: (path, operator) pairs ANDed; then the keyset condition on `order` (rows at
    or after the page's first key, as `_from`), the order, LIMIT. Built by the ORM, the same
    query cost about a millisecond a request to assemble and compile (its filters, the
    keyset's OR of ANDs, the joins of `values()`); written here its parameters only are
    new each time."""
    joins = {}
    select, converters = [], []
    for path in fields:
        column, field, table = _column(model, path, joins)
        select.append(column)
        expression = field.get_col(table)
        converters.append(
            (
                expression,
                connection.ops.get_db_converters(expression) + field.get_db_converters(connection),
            )
        )
    where, parameters = [], []
    for path, operator in lookups:
        column, field, _table = _column(model, path, joins)
        where.append(f"{column} {_OPERATORS[operator]} %s")
        parameters.append(field)
    keys = [_column(model, path, joins)[:2] for path in order]
    steps = []
    for index, (column, field) in enumerate(keys):
        step = [f"{previous} = %s" for previous, _field in keys[:index]]
        step.append(f"{column} {'<=' if index == len(keys) - 1 else '<'} %s")
        parameters.extend(previous for _column_sql, previous in keys[:index])
        parameters.append(field)
        steps.append(f"({' AND '.join(step)})")
    where.append(f"({' OR '.join(steps)})")
    where.append(f"{keys[0][0]} <= %s")  # the index's range, for the planner
    parameters.append(keys[0][1])
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(select)} FROM {quote(model._meta.db_table)} "
        f"{' '.join(joins.values())} WHERE {' AND '.join(where)} "
        f"ORDER BY {', '.join(f'{column} DESC' for column, _field in keys)} LIMIT %s"
    )
    return sql, parameters, converters


def _rows(model, fields, order, where, first, per_page):
    """The page's rows from its first key `first`, as dicts of `fields`."""
    lookups = tuple((path, operator) for path, operator, _value in where)
    sql, parameters, converters = _page_sql(model, fields, order, lookups, connection.vendor)
    values = [value for _path, _operator, value in where]
    for index in range(len(order)):
        values.extend(first[:index])
        values.append(first[index])
    values.append(first[0])
    prepared = [
        field.get_db_prep_value(value, connection, prepared=False)
        for field, value in zip(parameters, values, strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*prepared, per_page])
        rows = cursor.fetchall()
    items = []
    for row in rows:
        item = {}
        for path, value, (expression, column_converters) in zip(
            fields, row, converters, strict=True
        ):
            for converter in column_converters:
                value = converter(value, expression, connection)
            item[path] = value
        items.append(item)
    return items


def listing_page(request, model, where, order, per_page, *, name, key=(), models=(), fields):
    """`keyset_page` for a list given as its model and `where`, (path, operator, value)
    triples ANDed ("exact", "lt", "lte", "gte", "gt"): the page as dicts of `fields`, read
    with SQL written once per shape of list (`_page_sql`); the queryset is built only
    when the kept count and page keys are (re)computed."""

    def compute():
        queryset = PublishableQuerySet(model=model).filter(
            **{f"{path}__{operator}": value for path, operator, value in where}
        )
        return _starts(queryset, order, per_page)

    count, starts = fragments.kept(name, compute, *key, models=models)
    paginator, number = _number(request, count, per_page)
    items = []
    if starts:
        items = _rows(model, tuple(fields), tuple(order), where, starts[number - 1], per_page)
    return Page(items, number, paginator)
