"""Feeds of new clippings (RSS and Atom), of new publications and of new Tamtam issues (RSS),
announced in the heads of their sections' pages."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from torino_portal.search import plain_text

from .models import Clipping, Issue, Publication

FEED_ITEMS = 30


class ClippingFeed(Feed):
    """The latest clippings, by the moment they were published on the portal."""

    def title(self):
        return _("Torino Internazionale — Press Review")

    def description(self):
        return _("What the press writes about the Strategic Plans of Turin.")

    def link(self):
        return reverse("press:index")

    def items(self):
        return (
            Clipping.objects.published()
            .select_related("source")
            .order_by("-published_at")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        where = f"{item.source.name}, {date_format(item.date, 'j F Y')}"
        return f"{where}. {item.summary}" if item.summary else where

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.source.name]


class ClippingAtomFeed(ClippingFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()


class IssueFeed(Feed):
    """The latest Tamtam issues."""

    def title(self):
        return _("Torino Internazionale — Tamtam")

    def description(self):
        return _("New issues of Tamtam, the periodical of Torino Internazionale.")

    def link(self):
        return reverse("tamtam:index")

    def items(self):
        return Issue.objects.published().order_by("-published_at")[:FEED_ITEMS]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return date_format(item.date, "F Y")

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at


class PublicationFeed(Feed):
    """The latest publications of the catalogue."""

    def title(self):
        return _("Torino Internazionale — Publications")

    def description(self):
        return _("New publications of Torino Internazionale, to read and download.")

    def link(self):
        return reverse("publications:index")

    def items(self):
        return Publication.objects.published().order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return f"{item.title}: {item.subtitle}" if item.subtitle else item.title

    def item_description(self, item):
        text = plain_text(item.description)
        return " · ".join(part for part in (item.authors, str(item.year), text) if part)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        return item.authors or None
