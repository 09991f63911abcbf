"""The newsletter app's public pages in /sitemap.xml: the archive's newsletters."""

from torino_portal.i18n import TranslatedSitemap

from .models import Newsletter


class NewsletterSitemap(TranslatedSitemap):
    def items(self):
        return Newsletter.objects.published().defer("body", "body_it", "body_en")


SITEMAPS = {"newsletters": NewsletterSitemap}
