"""The press app's public pages in the sitemap."""

from torino_portal.i18n import SectionSitemap, TranslatedSitemap

from .models import Clipping, Issue, Publication


class PressSectionSitemap(SectionSitemap):
    """The press review, the publications' catalogue and Tamtam's list of issues."""

    pages = {
        "press:index": lambda: Clipping.objects.published(),
        "publications:index": lambda: Publication.objects.published(),
        "tamtam:index": lambda: Issue.objects.published(),
    }


class ClippingSitemap(TranslatedSitemap):
    def items(self):
        return Clipping.objects.published().only("pk", "slug", "updated_at").order_by("pk")


class PublicationSitemap(TranslatedSitemap):
    def items(self):
        return Publication.objects.published().order_by("pk")


class IssueSitemap(TranslatedSitemap):
    def items(self):
        return Issue.objects.published().only("number", "updated_at").order_by("number")


SITEMAPS = {
    "press-section": PressSectionSitemap,
    "clippings": ClippingSitemap,
    "publications": PublicationSitemap,
    "tamtam": IssueSitemap,
}
