"""Helpers for translated content (django-modeltranslation) shared by every app."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
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
    """A sitemap listing each item in both languages, with `hreflang` alternates."""

    i18n = True
    alternates = True

    def lastmod(self, obj):
        return obj.updated_at
