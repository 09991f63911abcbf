"""Helpers for translated content (django-modeltranslation) shared by every app."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import get_language

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def fallback_language(instance, field):
    """The language a field is shown in when it falls back to Italian, else ''.

    Templates use it for the "available only in Italian" note and `lang="it"`.
    """
    active = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if active == default or getattr(instance, f"{field}_{active}", None):
        return ""
    return default if getattr(instance, f"{field}_{default}", None) else ""


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item in both languages, with `hreflang` alternates and the
    Italian address as `x-default`. A section with more items than `limit` is split into
    pages of the sitemap index (`/sitemap-<section>.xml?p=2`), each a bounded query."""

    i18n = True
    alternates = True
    # Django's own x-default drops the language prefix (`/piano-strategico-2/…`), which the
    # translated slugs do not survive: `get_urls` points it at the Italian address instead.
    x_default = True
    limit = 5000  # items, so 10,000 addresses a page: well under the protocol's 50,000

    def lastmod(self, obj):
        return obj.updated_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page, site, protocol)
        default = settings.LANGUAGE_CODE
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url.get("alternates", ())}
            if "x-default" in by_language and default in by_language:
                by_language["x-default"]["location"] = by_language[default]["location"]
        return urls

    # Addresses on the public site (SITE_URL), as the pages' canonical links.
    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def get_latest_lastmod(self):
        """The sitemap index's date of this section: one aggregate, not every item."""
        items = self.items()
        if hasattr(items, "aggregate"):
            return items.order_by().aggregate(latest=Max("updated_at"))["latest"]
        return super().get_latest_lastmod()


class SectionSitemap(TranslatedSitemap):
    """A section's own pages (an index, an archive): `pages` maps each URL name to a function
    returning the queryset whose latest change dates the page (None: no date)."""

    changefreq = "daily"
    pages = {}

    def items(self):
        return list(self.pages)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not hasattr(self, "_lastmod"):
            self._lastmod = {}
        if item not in self._lastmod:
            queryset = self.pages[item]() if self.pages[item] else None
            self._lastmod[item] = (
                queryset.aggregate(latest=Max("updated_at"))["latest"]
                if queryset is not None
                else None
            )
        return self._lastmod[item]
