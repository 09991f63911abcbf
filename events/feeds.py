"""The RSS and Atom feeds of newly published events (Django's syndication framework)."""

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed, add_domain
from django.http import HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from torino_portal import fragments

from .models import Event
from .templatetags.events import when_text

FEED_ITEMS = 30
# What an item shows: its title, address (day and slug), date, place, summary and kind, in
# both languages (modeltranslation falls back to Italian); not the description.
ITEM_FIELDS = (
    "start",
    "end",
    "all_day",
    "published_at",
    "updated_at",
    "title_it",
    "title_en",
    "slug_it",
    "slug_en",
    "summary_it",
    "summary_en",
    "venue_name_it",
    "venue_name_en",
    "kind__name_it",
    "kind__name_en",
)
# Placeholders for the one reverse() an item address is made from.
_SAMPLE = {"year": 9999, "month": 88, "day": 77, "slug": "slug-placeholder"}


def _address_maker():
    """A function event -> its page's address, from one reverse() of the detail pattern (a
    reverse() an item was a tenth of the feed's time); get_absolute_url if the pattern
    ever stops being year/month/day/slug."""
    sample = reverse("events:detail", kwargs=_SAMPLE)
    marker = "{year}/{month}/{day}/{slug}".format(**_SAMPLE)
    if sample.count(marker) != 1 or "{" in sample or "}" in sample:
        return Event.get_absolute_url
    pattern = sample.replace(marker, "{year}/{month}/{day}/{slug}")
    return lambda event: pattern.format(**event._url_kwargs())


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
        """The newest events: which ones is kept until content changes or a scheduled item
        goes live (the same for everyone: the feed shows published events only); their rows
        are then read by primary key, without the public rule's joins."""
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
        rows = Event.objects.filter(pk__in=ids).select_related("kind").only(*ITEM_FIELDS)
        return sorted(rows, key=lambda event: ids.index(event.pk))

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        where = ", ".join(part for part in (when_text(item), item.venue_name) if part)
        return f"{where}. {item.summary}" if item.summary else where

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.kind.name]

    def __call__(self, request, *args, **kwargs):
        """Django's, with the XML written to a string and handed to the response once (the
        generator's 800 small writes each went through the response's file interface)."""
        feed = self.get_feed(None, request)
        response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        response.headers["Last-Modified"] = http_date(feed.latest_post_date().timestamp())
        return response

    def get_feed(self, obj, request):
        """Django's `Feed.get_feed` with the same elements in the same order, each item's
        fields written here once: Django looks up some fifteen attributes an item by
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
        address = _address_maker()
        for item in self.items():
            link = add_domain(domain, address(item), secure)
            feed.add_item(
                title=self.item_title(item),
                link=link,
                description=self.item_description(item),
                unique_id=link,
                pubdate=self.item_pubdate(item),
                updateddate=self.item_updateddate(item),
                categories=self.item_categories(item),
            )
        return feed


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
