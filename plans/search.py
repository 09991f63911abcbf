from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Direction, Page, Plan

SEARCH_SOURCES = [
    SearchSource(_("Strategic Plans"), Plan, ("title", "summary", "body")),
    SearchSource(
        _("Plan pages"),
        Page,
        ("title", "summary", "body"),
        select_related=("plan", "parent__parent"),
    ),
    SearchSource(
        _("Strategic directions"),
        Direction,
        ("title", "summary", "description"),
        select_related=("plan",),
    ),
]
