"""The press app's public pages in /sitemap.xml."""

from torino_portal.i18n import TranslatedSitemap

from .models import Clipping, Issue, Publication


class ClippingSitemap(TranslatedSitemap):
    def items(self):
        return Clipping.objects.published().only("pk", "slug", "updated_at")


class PublicationSitemap(TranslatedSitemap):
    def items(self):
        return Publication.objects.published()


class IssueSitemap(TranslatedSitemap):
    def items(self):
        return Issue.objects.published().only("number", "updated_at")


SITEMAPS = {
    "clippings": ClippingSitemap,
    "publications": PublicationSitemap,
    "tamtam": IssueSitemap,
}
