"""The events app's content in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Event

SEARCH_SOURCES = [
    SearchSource(
        "agenda",
        _("Agenda"),
        Event,
        body=("description", "venue_name", "venue_address"),
        date="start",
    ),
]
