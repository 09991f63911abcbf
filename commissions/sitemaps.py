"""The commissions app's public pages in the sitemap."""

from torino_portal.i18n import SectionSitemap, TranslatedSitemap

from .models import Commission, Meeting, Topic


class CommissionSectionSitemap(SectionSitemap):
    """The list of commissions, the timeline of the process, the online forum."""

    pages = {
        "commissions:index": lambda: Commission.objects.published(),
        "commissions:process": lambda: Meeting.objects.published(),
        "commissions:forum": lambda: Topic.objects.published(),
    }


class CommissionSitemap(TranslatedSitemap):
    def items(self):
        return Commission.objects.published().order_by("pk")


class MeetingSitemap(TranslatedSitemap):
    def items(self):
        return Meeting.objects.published().select_related("commission").order_by("start", "pk")


class TopicSitemap(TranslatedSitemap):
    def items(self):
        return Topic.objects.published().select_related("commission").order_by("pk")


SITEMAPS = {
    "commission-section": CommissionSectionSitemap,
    "commissions": CommissionSitemap,
    "commission-meetings": MeetingSitemap,
    "forum-topics": TopicSitemap,
}
