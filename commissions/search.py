"""The commissions app's content in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Commission, Meeting, Topic

SEARCH_SOURCES = [
    SearchSource(
        "commissions",
        _("Thematic Commissions"),
        Commission,
        title="name",
        body=("mandate",),
        parents=("plan",),
    ),
    SearchSource(
        "meetings",
        _("Commission meetings"),
        Meeting,
        summary=("summary", "topic"),
        body=("description", "outcome", "venue_name"),
        parents=("commission",),
        date="start",
    ),
    SearchSource(
        "forum",
        _("Online forum topics"),
        Topic,
        summary=(),
        body=("description",),
        parents=("commission",),
    ),
]
