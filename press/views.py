"""The three sections' pages: the press review, the publications catalogue and Tamtam.

Every list starts from `.published()`, every page from `.visible_to(request.user)`; each
list runs a fixed number of queries whatever the amount of content.
"""

from datetime import date
from functools import cache

from django.db import connection
from django.db.models import BooleanField, Exists, Max, Min, OuterRef, Value
from django.db.models.expressions import RawSQL
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from commissions.models import Commission
from plans.models import Direction, Plan
from torino_portal import fragments
from torino_portal.i18n import fallback_language
from torino_portal.months import month_span
from torino_portal.paging import keyset_page, page_keys
from torino_portal.publishing import PublishableQuerySet

from . import listing
from .forms import ClippingFilterForm, PublicationFilterForm
from .models import Clipping, Issue, Publication, Series, Source

CLIPPINGS_PER_PAGE = 25
PUBLICATIONS_PER_PAGE = 12
ISSUES_PER_PAGE = 24


def _page(request, queryset, order, per_page, fields, name, *key, models):
    """The `?page=` page of `queryset` in `order` as `values(*fields)`, read by keyset
    (torino_portal/paging.py) from page keys kept until content changes; `name` and `key`
    name the list (its filters), `models` are those whose rows it lists."""
    keys = fragments.kept(name, lambda: page_keys(queryset, order, per_page), *key, models=models)
    return keyset_page(request, queryset.values(*fields), order, per_page, keys)


def _public(model):
    """`model.objects.published()` as a plain QuerySet: the lists name their translated
    columns (`summary_it`, `summary_en`), and modeltranslation's rewriting of every lookup
    was a third of the page query's cost."""
    return PublishableQuerySet(model=model).published()


def _visible(model, user):
    """`model.objects.visible_to(user)` as a plain QuerySet (the pages' lookups name real
    columns; modeltranslation's rewriting costs a third of a small query)."""
    return PublishableQuerySet(model=model).visible_to(user)


def _clipping_offer():
    """The years (first to last article) and the sources with a published article, for the
    filters: the same for every visitor, kept until content changes."""
    clippings = Clipping.objects.published()
    # The first and last dates come from the date index; DISTINCT over a date function
    # would read every row.
    span = clippings.aggregate(first=Min("date"), last=Max("date"))
    years = list(range(span["last"].year, span["first"].year - 1, -1)) if span["last"] else []
    sources = list(
        Source.objects.filter(Exists(clippings.filter(source=OuterRef("pk")))).values_list(
            "slug", "name"
        )
    )
    return years, sources


def _filters(request, form_class, offer):
    """(a callable giving the bound filter form, the valid values, the ignored labels).

    Without any filter parameter (the list's first and numbered pages) the form is not
    built: building it deep-copies its fields and normalizes their long lists of choices,
    and with nothing to check its answer is known (no values, nothing ignored); its HTML is
    then the kept fragment. The form is built only when a filter is asked or when the
    fragment is rendered; so is `offer()` read (the kept choices: its keyword arguments)."""
    form = None

    def get_form():
        nonlocal form
        if form is None:
            form = form_class(request.GET, **offer())
        return form

    if not any(request.GET.get(name) for name in form_class.base_fields):
        return get_form, {}, []
    values, ignored = get_form().filters()
    return get_form, values, ignored


def _filter_form(request, get_form, values, ignored, models):
    """The filter form's HTML: the same for everyone who asks for the same filters, so it is
    kept until content changes (the choices come from content); with an ignored value the
    form shows its error, and is rendered for that request alone."""

    def build():
        return render_to_string(
            "press/_filter_form.html",
            {"form": get_form(), "filters": values, "request": request},
        )

    if ignored:
        return build()
    return fragments.kept(
        "press-filter-form", build, request.path, *sorted(values.items()), models=models
    )


def clipping_index(request):
    def offer():
        years, sources = fragments.kept("press-review-offer", _clipping_offer, models=(Clipping,))
        return {"years": years, "sources": sources}

    get_form, values, ignored = _filters(request, ClippingFilterForm, offer)
    clippings = _public(Clipping)
    if "year" in values:
        year, month = values["year"], values.get("month")
        if month:
            start, end = month_span(year, month)
        else:
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
        clippings = clippings.filter(date__gte=start, date__lt=end)
    if "source" in values:
        clippings = clippings.filter(source__slug=values["source"])
    page_obj = _page(
        request,
        clippings,
        ("-date", "-pk"),
        CLIPPINGS_PER_PAGE,
        listing.ITEM_FIELDS,
        "press-review-pages",
        *sorted(values.items()),
        models=(Clipping,),
    )
    return render(
        request,
        "press/clipping_index.html",
        {
            # The filters in force in words (the form exists when there are filters).
            "summary": get_form().summary() if values else "",
            "filters": values,
            "ignored": ignored,
            "filter_form": _filter_form(request, get_form, values, ignored, (Clipping,)),
            "page_obj": page_obj,
            # One reverse() for the page, not one per clipping.
            "clipping_days": listing.clipping_days(page_obj.object_list, reverse("press:index")),
        },
    )


def _tags():
    """The published commissions and directions a clipping may be tagged with, in their
    order, each (id, address, name, ` lang="it"` or ""): the same for every visitor (staff
    see the published ones too), kept until content changes."""
    commissions = [
        (
            commission.pk,
            commission.get_absolute_url(),
            commission.name,
            mark_safe(' lang="it"') if fallback_language(commission, "name") else "",  # noqa: S308
        )
        for commission in Commission.objects.published()
    ]
    directions = [
        (direction.pk, direction.get_absolute_url(), str(direction), "")
        for direction in Direction.objects.published().select_related("plan")
    ]
    return commissions, directions


@cache
def _tagged_sql():
    """ "Has the clipping a commission or a direction?" as SQL: two EXISTS over the tag tables
    (their indexes on clipping_id), written once; built as `Exists(...) | Exists(...)` the
    ORM spent a millisecond a request resolving and compiling the two subqueries."""
    quote = connection.ops.quote_name
    clipping = f"{quote(Clipping._meta.db_table)}.{quote(Clipping._meta.pk.column)}"
    tables = (Clipping.commissions.through, Clipping.directions.through)
    return " OR ".join(
        f"EXISTS (SELECT 1 FROM {quote(table._meta.db_table)} WHERE "
        f"{quote(table._meta.get_field('clipping').column)} = {clipping})"
        for table in tables
    )


def clipping_detail(request, pk, slug):
    through = Clipping.commissions.through, Clipping.directions.through
    clipping = get_object_or_404(
        _visible(Clipping, request.user)
        .select_related("source")
        .annotate(tagged=RawSQL(_tagged_sql(), (), output_field=BooleanField())),
        pk=pk,
    )
    if slug != clipping.slug:
        return redirect(clipping, permanent=True)
    commissions = directions = []
    if clipping.tagged:
        # The tags' ids in one query; what they show comes from the kept list.
        tagged = through[0].objects.filter(clipping_id=pk).annotate(kind=Value(0))
        tagged = tagged.values_list("kind", "commission_id").union(
            through[1]
            .objects.filter(clipping_id=pk)
            .annotate(kind=Value(1))
            .values_list("kind", "direction_id"),
            all=True,
        )
        tagged = set(tagged)
        kept = fragments.kept("press-clipping-tags", _tags, models=(Commission, Direction, Plan))
        commissions, directions = (
            [tag for tag in tags if (kind, tag[0]) in tagged] for kind, tags in enumerate(kept)
        )
    return render(
        request,
        "press/clipping_detail.html",
        {
            "clipping": clipping,
            "object": clipping,
            # One reverse() for the page's four links to the press review.
            "index_url": reverse("press:index"),
            "commissions": commissions,
            "directions": directions,
        },
    )


def _publication_offer():
    """The years with a publication and the series with one, for the filters: the same for
    every visitor, kept until content changes."""
    publications = Publication.objects.published()
    years = list(publications.order_by("-year").values_list("year", flat=True).distinct())
    series = [
        (series.slug, series.name)
        for series in Series.objects.filter(Exists(publications.filter(series=OuterRef("pk"))))
    ]
    return years, series


def publication_index(request):
    def offer():
        years, series = fragments.kept(
            "publications-offer", _publication_offer, models=(Publication,)
        )
        return {"years": years, "series": series}

    get_form, values, ignored = _filters(request, PublicationFilterForm, offer)
    publications = _public(Publication)
    if "year" in values:
        publications = publications.filter(year=values["year"])
    if "series" in values:
        publications = publications.filter(series__slug=values["series"])
    page_obj = _page(
        request,
        publications,
        ("-year", "-published_at", "-pk"),
        PUBLICATIONS_PER_PAGE,
        listing.CARD_FIELDS,
        "publications-pages",
        *sorted(values.items()),
        models=(Publication,),
    )
    return render(
        request,
        "press/publication_index.html",
        {
            "summary": get_form().summary() if values else "",
            "filters": values,
            "ignored": ignored,
            "filter_form": _filter_form(request, get_form, values, ignored, (Publication,)),
            "page_obj": page_obj,
            "cards": listing.publication_cards(page_obj.object_list, reverse("publications:index")),
        },
    )


def publication_detail(request, slug):
    language = get_language()
    publication = get_object_or_404(
        _visible(Publication, request.user).select_related("series", "plan"),
        **{f"slug_{language}": slug},
    )
    return render(
        request,
        "press/publication_detail.html",
        {
            "publication": publication,
            "object": publication,
            # One reverse() for the page's three links to the catalogue.
            "index_url": reverse("publications:index"),
        },
    )


def issue_index(request):
    page_obj = _page(
        request,
        _public(Issue),
        ("-date", "-number"),
        ISSUES_PER_PAGE,
        listing.ISSUE_FIELDS,
        "tamtam-pages",
        models=(Issue,),
    )
    return render(
        request,
        "press/issue_index.html",
        {
            "page_obj": page_obj,
            "years": listing.issue_years(page_obj.object_list, reverse("tamtam:index")),
        },
    )


def issue_detail(request, number):
    issue = get_object_or_404(_visible(Issue, request.user), number=number)
    return render(request, "press/issue_detail.html", {"issue": issue, "object": issue})
