"""The press app's content in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Clipping, Issue, Publication

SEARCH_SOURCES = [
    SearchSource(
        "press-review",
        _("Press Review"),
        Clipping,
        title="headline",
        body=("author", "source.name"),
        select_related=("source",),
        date="date",
    ),
    SearchSource(
        "publications",
        _("Publications"),
        Publication,
        summary=("subtitle",),
        body=("description", "authors", "isbn"),
    ),
    SearchSource(
        "tamtam",
        _("Tamtam"),
        Issue,
        title="__str__",
        summary=("theme",),
        body=("contents",),
        date="date",
    ),
]
