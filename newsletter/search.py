"""The newsletter archive in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Newsletter

SEARCH_SOURCES = [
    SearchSource(
        "newsletters", _("Newsletters"), Newsletter, title="subject", summary=(), body=("body",)
    )
]
