"""The pages that gather every section: the home page and the site search.

Each app contributes through small modules of its own — its home-page sections, registered
in its `AppConfig.ready()` (torino_portal/contributions.py, slot "home"), and `search.py`
(its `SEARCH_SOURCES`) — so the apps never import one another.
"""

from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import get_language

from .models import SitePage
from .search import CONFIGURATIONS, index

SEARCH_MAX_LENGTH = 200
RESULTS_PER_PAGE = 20
LANGUAGE_OF_CONFIG = {config: code for code, config in CONFIGURATIONS.items()}


def home(request):
    # The sections below the introduction come from the apps: {% contributions "home" %}.
    intro = SitePage.objects.published().filter(key=SitePage.Key.HOME).first()
    return render(request, "torino_portal/home.html", {"intro": intro})


def search(request):
    """Ranked results of every section, the count per section, one page at a time.

    One query on PostgreSQL, two on SQLite, whatever the sections (see torino_portal/search.py).
    """
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if "\x00" in query:
        raise BadRequest("NUL in the search query")
    sections = index.section_labels()
    section = request.GET.get("section", "")
    section = section if section in sections else ""
    context = {"query": query, "section": section, "sections": sections}
    if query:
        language = (get_language() or "it").split("-")[0]
        number = request.GET.get("page", "1")
        # isascii(): str.isdigit() also says yes to "²", which int() refuses.
        if not (number.isascii() and number.isdigit()) or len(number) > 6 or int(number) < 1:
            raise Http404("No such page of results")
        number = int(number)
        results, counts = index.search_page(query, language, section, number, RESULTS_PER_PAGE)
        # The counts came with the page: the paginator checks the number against them (a
        # page past the end is a 404) and shows the page that was read. A section counted
        # past `index.count_limit` shows "more than" that; its listing (or every section's,
        # when one is) pages on while pages are full, up to `index.page_limit` results.
        limit = index.count_limit
        capped = {key: min(count, limit) for key, count in counts.items()}
        shown = capped.get(section, 0) if section else sum(capped.values())
        open_ended = any(
            count > limit for key, count in counts.items() if key == section or not section
        )
        if open_ended:
            last = index.page_limit // RESULTS_PER_PAGE
            if number > last or not results:
                raise Http404("No such page of results")
            has_next = len(results) > RESULTS_PER_PAGE and number < last
            shown = (number - 1) * RESULTS_PER_PAGE + min(len(results), RESULTS_PER_PAGE) + has_next
        try:
            page = Paginator(range(shown), RESULTS_PER_PAGE).page(number)
        except InvalidPage as error:
            raise Http404(str(error)) from error
        page.object_list = results[: len(page.object_list)]  # not past a capped count
        for document in page.object_list:
            document.label = sections.get(document.section, "")
            # As the `date` filter's "j F Y" writes it, without its cost on every row.
            if document.date:
                day = document.date
                document.date_iso = day.isoformat()
                document.date_text = f"{day.day} {MONTHS[day.month]} {day.year}"
            document.text_language = LANGUAGE_OF_CONFIG.get(document.config, language)
            document.highlight = index.excerpt(document, query)
        context.update(
            page=page,
            open_ended=open_ended,
            total=sum(capped.values()),
            total_text=number_format(sum(capped.values()), force_grouping=True),
            more=any(count > limit for count in counts.values()),
            facets=[
                (
                    key,
                    label,
                    number_format(capped[key], force_grouping=True),
                    counts[key] > limit,
                )
                for key, label in sections.items()
                if key in counts
            ],
        )
    return render(request, "torino_portal/search.html", context)
