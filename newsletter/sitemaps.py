"""The newsletter app's public pages in the sitemap: the sign-up page and the archive."""

from torino_portal.i18n import SectionSitemap, TranslatedSitemap

from .models import Newsletter


class MailingListSitemap(SectionSitemap):
    pages = {
        "newsletter:index": None,
        "newsletter:archive": lambda: Newsletter.objects.published(),
    }


class NewsletterSitemap(TranslatedSitemap):
    def items(self):
        return (
            Newsletter.objects.published()
            .defer("body", "body_it", "body_en")
            .order_by("published_at", "pk")
        )


SITEMAPS = {"mailing-list": MailingListSitemap, "newsletters": NewsletterSitemap}
