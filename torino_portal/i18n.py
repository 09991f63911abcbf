"""Helpers for translated content (django-modeltranslation) shared by every app."""

from collections.abc import Sequence
from functools import cache, cached_property
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Count, Max
from django.urls import reverse
from django.utils.translation import get_language

from .fragments import kept

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


class _LanguagePairs(Sequence):
    """`(item, language)` for every item and language, as Django's i18n sitemaps page them —
    but counted without loading them (`count`: the number of items, else one COUNT) and
    loaded a page at a time. Django's own list loads every item of a section to count them,
    for the index and for each page (seconds at 20,000). `items` is called only when a page
    is read: the index needs the length alone."""

    def __init__(self, items, languages, count=None):
        self._items_of = items
        self._count = count
        self.languages = list(languages)

    @cached_property
    def items(self):
        items = self._items_of()
        if hasattr(items, "ordered") and not items.ordered:
            items = items.order_by("pk")  # slices of an unordered query may overlap
        return items

    @cached_property
    def _length(self):
        count = self._count() if self._count is not None else None
        if count is None:
            items = self.items
            count = items.count() if hasattr(items, "query") else len(items)
        return count * len(self.languages)

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        width = len(self.languages)
        first = start // width
        chunk = self.items[first : -(-stop // width)]
        pairs = [(item, language) for item in chunk for language in self.languages]
        return pairs[start - first * width : stop - first * width]


# The sitemaps of /sitemap.xml (class -> section), registered by `sitemap_index()`.
_INDEXED = {}


def sitemap_index(sitemaps):
    """Register `sitemaps` ({section: TranslatedSitemap class}) as /sitemap.xml's and return
    them. What the index shows of each — its number of items and its latest date — changes
    only with content: it is computed for every section at once and kept per content
    generation (`fragments.kept`, ended early by the next scheduled publication of any
    content type), so the index and each section's page count nothing on a visit."""
    _INDEXED.update({cls: section for section, cls in sitemaps.items()})
    return sitemaps


@cache
def _publishable_models():
    from .publishing import Publishable

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.parents
    ]


def _index_summaries():
    return {section: cls()._summarise() for cls, section in _INDEXED.items()}


class TranslatedSitemap(Sitemap):
    """A sitemap listing each item in both languages, with `hreflang` alternates and the
    Italian address as `x-default`. A section with more items than `limit` is split into
    pages of the sitemap index (`/sitemap-<section>.xml?p=2`), each one page's query (the
    sections' sizes are kept: see `sitemap_index`)."""

    i18n = True
    alternates = True
    # Django's own x-default drops the language prefix (`/piano-strategico-2/…`), which the
    # translated slugs do not survive: `get_urls` points it at the Italian address instead.
    x_default = True
    # Addresses a page (each with its alternates): 1,000 items in two languages. The protocol
    # allows 50,000; a page of 2,000 renders in a fraction of a second.
    limit = 2000

    def _items(self):
        return _LanguagePairs(self.items, self._languages(), lambda: self._summary[0])

    def _summarise(self):
        """(number of items, latest date, {item: date} or None), from the database."""
        items = self.items()
        if hasattr(items, "aggregate"):
            found = items.order_by().aggregate(n=Count("pk"), latest=Max("updated_at"))
            return found["n"], found["latest"], None
        return len(items), super().get_latest_lastmod(), None

    @cached_property
    def _summary(self):
        section = _INDEXED.get(type(self))
        if section is None:  # not in the index: nothing to share
            return self._summarise()
        return kept("sitemap-index", _index_summaries, models=_publishable_models())[section]

    def lastmod(self, obj):
        return obj.updated_at

    def _location(self, item, force_lang_code=None):
        """Each item's address in each language built once: Django asks it four times an
        address (the address, both alternates, x-default), a `reverse()` each."""
        obj, language = item
        key = (getattr(obj, "pk", obj), force_lang_code or language)
        locations = self.__dict__.setdefault("_locations", {})
        if key not in locations:
            locations[key] = super()._location(item, force_lang_code)
        return locations[key]

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
        """The sitemap index's date of this section: one aggregate (kept), not every item."""
        return self._summary[1]


class SectionSitemap(TranslatedSitemap):
    """A section's own pages (an index, an archive): `pages` maps each URL name to a function
    returning the queryset whose latest change dates the page (None: no date)."""

    changefreq = "daily"
    pages = {}

    def items(self):
        return list(self.pages)

    def location(self, item):
        return reverse(item)

    def _summarise(self):
        dates = {
            item: (query().aggregate(latest=Max("updated_at"))["latest"] if query else None)
            for item, query in self.pages.items()
        }
        # As Django's: no date for the section when a page has none.
        latest = None if None in dates.values() else max(dates.values(), default=None)
        return len(dates), latest, dates

    def lastmod(self, item):
        return self._summary[2][item]
