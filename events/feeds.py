"""The RSS and Atom feeds of newly published events (Django's syndication framework)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from .models import Event
from .templatetags.events import when_text

FEED_ITEMS = 30


class NewEventsFeed(Feed):
    """The latest events by the moment they were published, whatever their date."""

    def title(self):
        return _("Torino Internazionale — Agenda")

    def description(self):
        return _("New events in the Agenda of Torino Internazionale.")

    def link(self):
        return reverse("events:index")

    def items(self):
        return (Event.objects.published().select_related("kind").order_by("-published_at", "-pk"))[
            :FEED_ITEMS
        ]

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


class NewEventsAtomFeed(NewEventsFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
