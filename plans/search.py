"""The plans app's content in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Direction, Page, Plan

SEARCH_SOURCES = [
    SearchSource("plans", _("Strategic Plans"), Plan, body=("body",)),
    SearchSource("plan-pages", _("Plan pages"), Page, body=("body",), parents=("plan", "parent")),
    SearchSource(
        "directions", _("Strategic directions"), Direction, body=("description",), parents=("plan",)
    ),
]
