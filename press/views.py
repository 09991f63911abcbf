"""The three sections' pages: the press review, the publications catalogue and Tamtam.

Every list starts from `.published()`, every page from `.visible_to(request.user)`; each
list runs a fixed number of queries whatever the amount of content.
"""

from datetime import date

from django.db.models import Exists, Max, Min, OuterRef, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language

from commissions.models import Commission
from plans.models import Direction
from torino_portal.months import month_span
from torino_portal.paging import paginate

from .forms import ClippingFilterForm, PublicationFilterForm
from .models import Clipping, Issue, Publication, Series, Source

CLIPPINGS_PER_PAGE = 25
PUBLICATIONS_PER_PAGE = 12
ISSUES_PER_PAGE = 24


def clipping_index(request):
    clippings = Clipping.objects.published()
    # The first and last dates come from the date index; DISTINCT over a date function
    # would read every row.
    span = clippings.aggregate(first=Min("date"), last=Max("date"))
    years = range(span["last"].year, span["first"].year - 1, -1) if span["last"] else []
    sources = Source.objects.filter(Exists(clippings.filter(source=OuterRef("pk"))))
    form = ClippingFilterForm(request.GET, years=years, sources=sources)
    values, ignored = form.filters()
    if "year" in values:
        year, month = values["year"], values.get("month")
        if month:
            start, end = month_span(year, month)
        else:
            start, end = date(year, 1, 1), date(year + 1, 1, 1)
        clippings = clippings.filter(date__gte=start, date__lt=end)
    if "source" in values:
        clippings = clippings.filter(source__slug=values["source"])
    page_obj = paginate(request, clippings.select_related("source"), CLIPPINGS_PER_PAGE)
    return render(
        request,
        "press/clipping_index.html",
        {
            "form": form,
            "filters": values,
            "ignored": ignored,
            "page_obj": page_obj,
            "source": next((s for s in sources if s.slug == values.get("source")), None),
        },
    )


def clipping_detail(request, pk, slug):
    directions = Direction.objects.published().select_related("plan")
    commissions = Commission.objects.published()
    clipping = get_object_or_404(
        Clipping.objects.visible_to(request.user)
        .select_related("source")
        .prefetch_related(
            Prefetch("directions", queryset=directions),
            Prefetch("commissions", queryset=commissions),
        ),
        pk=pk,
    )
    if slug != clipping.slug:
        return redirect(clipping, permanent=True)
    return render(request, "press/clipping_detail.html", {"clipping": clipping, "object": clipping})


def publication_index(request):
    publications = Publication.objects.published()
    years = list(publications.order_by("-year").values_list("year", flat=True).distinct())
    series = Series.objects.filter(Exists(publications.filter(series=OuterRef("pk"))))
    form = PublicationFilterForm(request.GET, years=years, series=series)
    values, ignored = form.filters()
    if "year" in values:
        publications = publications.filter(year=values["year"])
    if "series" in values:
        publications = publications.filter(series__slug=values["series"])
    page_obj = paginate(request, publications.select_related("series"), PUBLICATIONS_PER_PAGE)
    return render(
        request,
        "press/publication_index.html",
        {"form": form, "filters": values, "ignored": ignored, "page_obj": page_obj},
    )


def publication_detail(request, slug):
    language = get_language()
    publication = get_object_or_404(
        Publication.objects.visible_to(request.user).select_related("series", "plan"),
        **{f"slug_{language}": slug},
    )
    return render(
        request,
        "press/publication_detail.html",
        {"publication": publication, "object": publication},
    )


def issue_index(request):
    page_obj = paginate(request, Issue.objects.published(), ISSUES_PER_PAGE)
    return render(request, "press/issue_index.html", {"page_obj": page_obj})


def issue_detail(request, number):
    issue = get_object_or_404(Issue.objects.visible_to(request.user), number=number)
    return render(request, "press/issue_detail.html", {"issue": issue, "object": issue})
