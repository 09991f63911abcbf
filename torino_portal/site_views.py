"""The pages that gather every section: the home page and the site search.

Each app contributes through small modules of its own — `home.py` (its latest items,
shown by `templates/<app>/_home.html`) and `search.py` (its `SEARCH_SOURCES`) — so the
apps never import one another and this is the one place that knows them all.
"""

from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language

from commissions import home as commissions_home
from events import home as events_home
from newsletter import home as newsletter_home
from plans.models import Plan
from press import home as press_home

from .models import SitePage
from .search import CONFIGURATIONS, index

SEARCH_MAX_LENGTH = 200
RESULTS_PER_PAGE = 20
LANGUAGE_OF_CONFIG = {config: code for code, config in CONFIGURATIONS.items()}
HOME_SECTIONS = [events_home, commissions_home, press_home, newsletter_home]


def home(request):
    context = {
        "intro": SitePage.objects.published().filter(key=SitePage.Key.HOME).first(),
        "plans": Plan.objects.published(),
    }
    for section in HOME_SECTIONS:
        context.update(section.home_context(request))
    return render(request, "torino_portal/home.html", context)


def search(request):
    """Ranked results of every section, the count per section, one page at a time.

    Two queries whatever the sections: the counts, then the page (see torino_portal/search.py).
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
        results, counts = index.search(query, language, section)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        # The counts are known already: the paginator need not count again.
        paginator.count = counts.get(section, 0) if section else sum(counts.values())
        try:
            page = paginator.page(request.GET.get("page", 1))
        except InvalidPage as error:
            raise Http404(str(error)) from error
        for document in page.object_list:
            document.label = sections.get(document.section, "")
            document.text_language = LANGUAGE_OF_CONFIG.get(document.config, language)
            document.highlight = index.excerpt(document, query)
        context.update(
            page=page,
            total=sum(counts.values()),
            facets=[(key, label, counts[key]) for key, label in sections.items() if key in counts],
        )
    return render(request, "torino_portal/search.html", context)
