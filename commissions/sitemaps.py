"""The commissions app's public pages in /sitemap.xml."""

from torino_portal.i18n import TranslatedSitemap

from .models import Commission, Meeting, Topic


class CommissionSitemap(TranslatedSitemap):
    def items(self):
        return Commission.objects.published()


class MeetingSitemap(TranslatedSitemap):
    def items(self):
        return Meeting.objects.published().select_related("commission")


class TopicSitemap(TranslatedSitemap):
    def items(self):
        return (
            Topic.objects.published()
            .filter(commission__in=Commission.objects.published())
            .select_related("commission")
        )


SITEMAPS = {
    "commissions": CommissionSitemap,
    "commission-meetings": MeetingSitemap,
    "forum-topics": TopicSitemap,
}
