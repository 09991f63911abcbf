"""The pages that gather every section: the home page and the site search.

Each app contributes through small modules of its own — `home.py` (its latest items,
shown by `templates/<app>/_home.html`) and `search.py` (its `SEARCH_SOURCES`) — so the
apps never import one another and this is the one place that knows them all.
"""

from django.shortcuts import render

from commissions import home as commissions_home
from commissions.search import SEARCH_SOURCES as COMMISSIONS_SEARCH
from events import home as events_home
from events.search import SEARCH_SOURCES as EVENTS_SEARCH
from newsletter import home as newsletter_home
from newsletter.search import SEARCH_SOURCES as NEWSLETTER_SEARCH
from plans.models import Plan
from plans.search import SEARCH_SOURCES as PLANS_SEARCH
from press import home as press_home
from press.search import SEARCH_SOURCES as PRESS_SEARCH

from .models import SitePage

SEARCH_SOURCES = [
    *PLANS_SEARCH,
    *COMMISSIONS_SEARCH,
    *EVENTS_SEARCH,
    *PRESS_SEARCH,
    *NEWSLETTER_SEARCH,
]
SEARCH_MAX_LENGTH = 200
RESULTS_PER_SOURCE = 10
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
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    groups = []
    if query:
        for index, source in enumerate(SEARCH_SOURCES):
            matches = source.matches(query)
            # A meeting is also an Agenda event (multi-table inheritance): the rows a more
            # specific source listed earlier are not listed again under their parent type.
            for earlier in SEARCH_SOURCES[:index]:
                if earlier.model is not source.model and issubclass(earlier.model, source.model):
                    matches = matches.exclude(pk__in=earlier.model.objects.values("pk"))
            count = matches.count()
            if count:
                groups.append((source, count, list(matches[:RESULTS_PER_SOURCE])))
    return render(request, "torino_portal/search.html", {"query": query, "groups": groups})
