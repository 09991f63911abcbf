"""The RSS and Atom feeds of newly published events (Django's syndication framework)."""

from functools import lru_cache

from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from torino_portal import fragments
from torino_portal.i18n import LANGUAGE_CODES

from .models import Event
from .templatetags.events import when_text

FEED_ITEMS = 30
TRANSLATED = ("title", "slug", "summary", "venue_name")
# What an item shows: its dates, title, address (day and slug), place, summary and kind, in
# every language; not the description.
ROW_FIELDS = (
    "pk",
    "start",
    "end",
    "all_day",
    "published_at",
    "updated_at",
    *(f"{name}_{code}" for name in TRANSLATED for code in LANGUAGE_CODES),
    *(f"kind__name_{code}" for code in LANGUAGE_CODES),
)
_INDEX = {name: index for index, name in enumerate(ROW_FIELDS)}
# Placeholders for the one reverse() an item address is made from.
_SAMPLE = {"year": 9999, "month": 88, "day": 77, "slug": "slug-placeholder"}


def _address_pattern():
    """The detail pattern's address with {year}/{month}/{day}/{slug} to fill in: one
    reverse() a feed (a reverse() an item was a tenth of the feed's time)."""
    sample = reverse("events:detail", kwargs=_SAMPLE)
    marker = "{year}/{month}/{day}/{slug}".format(**_SAMPLE)
    if sample.count(marker) != 1 or "{" in sample or "}" in sample:
        raise ImproperlyConfigured("events:detail is no longer year/month/day/slug")
    return sample.replace(marker, "{year}/{month}/{day}/{slug}")


def _text(row, name, language):
    """The text in `language`, else in Italian (modeltranslation's fallback, on a row)."""
    own = row[_INDEX[f"{name}_{language}"]]
    return own or row[_INDEX[f"{name}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"]] or ""


class _When:
    """What `when_text` reads of an event."""

    __slots__ = ("all_day", "end", "start")

    def __init__(self, start, end, all_day):
        self.start, self.end, self.all_day = start, end, all_day


@lru_cache(maxsize=4096)
def _item(row, language, pattern):
    """(title, address, description, categories) of one item: a pure function of the row
    (a changed event is another row), the language and the pattern, hence remembered."""
    start, end, all_day = (row[_INDEX[name]] for name in ("start", "end", "all_day"))
    day = timezone.localtime(start).date()
    address = pattern.format(
        year=day.year, month=day.month, day=day.day, slug=_text(row, "slug", language)
    )
    venue, summary = _text(row, "venue_name", language), _text(row, "summary", language)
    where = ", ".join(part for part in (when_text(_When(start, end, all_day)), venue) if part)
    description = f"{where}. {summary}" if summary else where
    return _text(row, "title", language), address, description, [_text(row, "kind__name", language)]


class NewEventsFeed(Feed):
    """The latest events by the moment they were published, whatever their date."""

    def title(self):
        return _("Torino Internazionale — Agenda")

    def subtitle(self):
        return None

    def description(self):
        return _("New events in the Agenda of Torino Internazionale.")

    def link(self):
        return reverse("events:index")

    def items(self):
        """The newest events' rows (ROW_FIELDS): which events is kept until content changes
        or a scheduled item goes live (the same for everyone: the feed shows published
        events only); their rows are then read by primary key, without the public rule's
        joins, as tuples (model instances and modeltranslation's lookups cost more)."""
        ids = fragments.kept(
            "events-feed-items",
            lambda: list(
                Event.objects.published()
                .order_by("-published_at", "-pk")
                .values_list("pk", flat=True)[:FEED_ITEMS]
            ),
            FEED_ITEMS,
            models=fragments.ALL_CONTENT,
        )
        rows = QuerySet(Event).filter(pk__in=ids).order_by().values_list(*ROW_FIELDS)
        found = {row[0]: row for row in rows}
        return [found[pk] for pk in ids if pk in found]

    def __call__(self, request, *args, **kwargs):
        """Django's, with the XML written to a string and handed to the response once (the
        generator's 800 small writes each went through the response's file interface)."""
        feed = self.get_feed(None, request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_feed(self, obj, request):
        """Django's `Feed.get_feed` with the same elements in the same order, each item
        written here from its row: Django looks up some fifteen attributes an item by
        introspection (`_get_dynamic_attr`), which was half of the feed's time."""
        domain, secure = get_current_site(request).domain, request.is_secure()
        feed = self.feed_type(
            title=self.title(),
            subtitle=self.subtitle(),
            link=add_domain(domain, self.link(), secure),
            description=self.description(),
            language=get_language(),
            feed_url=add_domain(domain, request.path, secure),
        )
        language, pattern = get_language().split("-")[0], _address_pattern()
        for row in self.items():
            title, address, description, categories = _item(row, language, pattern)
            link = add_domain(domain, address, secure)
            feed.add_item(
                title=title,
                link=link,
                description=description,
                unique_id=link,
                pubdate=row[_INDEX["published_at"]],
                updateddate=row[_INDEX["updated_at"]],
                categories=categories,
            )
        return feed


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
