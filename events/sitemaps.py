"""The events app's public pages in /sitemap.xml."""

from django.urls import reverse

from torino_portal.i18n import TranslatedSitemap

from .models import Event


class EventSitemap(TranslatedSitemap):
    def items(self):
        return Event.objects.published().order_by("start", "pk")


class AgendaSitemap(TranslatedSitemap):
    """The Agenda's own pages: upcoming events and the archive."""

    changefreq = "daily"

    def items(self):
        return ["events:index", "events:archive"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return None


SITEMAPS = {"events": EventSitemap, "agenda": AgendaSitemap}
