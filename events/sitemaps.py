"""The events app's public pages in the sitemap."""

from torino_portal.i18n import SectionSitemap, TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    def items(self):
        return Event.objects.published().order_by("start", "pk")


class AgendaSitemap(SectionSitemap):
    """The Agenda's own pages: upcoming events and the archive."""

    pages = {
        "events:index": lambda: Event.objects.published(),
        "events:archive": lambda: Event.objects.published(),
    }


SITEMAPS = {"events": EventSitemap, "agenda": AgendaSitemap}
