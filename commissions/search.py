"""The commissions app's content in the site search (see torino_portal/search.py)."""

from django.utils.translation import gettext_lazy as _

from torino_portal.search import SearchSource

from .models import Commission, Meeting, Topic

SEARCH_SOURCES = [
    SearchSource(_("Thematic Commissions"), Commission, ("name", "summary", "mandate")),
    SearchSource(
        _("Commission meetings"),
        Meeting,
        ("title", "summary", "topic", "outcome"),
        select_related=("commission",),
    ),
    SearchSource(
        _("Online forum topics"), Topic, ("title", "description"), select_related=("commission",)
    ),
]
