"""Feeds of new clippings (RSS and Atom), of new publications and of new Tamtam issues (RSS),
announced in the heads of their sections' pages."""

from io import BytesIO

from django.contrib.sites.shortcuts import get_current_site
from django.contrib.syndication.views import Feed as DjangoFeed
from django.contrib.syndication.views import add_domain
from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.http import http_date
from django.utils.translation import gettext as _

from torino_portal.search import plain_text

from .models import Clipping, Issue, Publication

FEED_ITEMS = 30
_CHANNEL = object()  # get_feed's object when it asks Django's Feed for the channel alone


class Feed(DjangoFeed):
    """Django's feed, its items added without Django's introspection (`get_feed`) and
    written into a buffer handed to the response at once (Django writes it to the response
    piece by piece: a thousand writes for 30 items). Subclasses give `latest()`."""

    def __call__(self, request, *args, **kwargs):
        try:
            obj = self.get_object(request, *args, **kwargs)
        except ObjectDoesNotExist as error:
            raise Http404("Feed object does not exist.") from error
        feedgen = self.get_feed(obj, request)
        buffer = BytesIO()
        feedgen.write(buffer, "utf-8")
        response = HttpResponse(buffer.getvalue(), content_type=feedgen.content_type)
        # Every feed here has item_pubdate: the header ConditionalGetMiddleware answers 304 by.
        response.headers["Last-Modified"] = http_date(feedgen.latest_post_date().timestamp())
        return response

    def items(self, obj):
        return [] if obj is _CHANNEL else self.latest()

    def latest(self):
        """The feed's items."""
        raise NotImplementedError

    def get_feed(self, obj, request):
        """Django's feed, its items added here: Django asks for each of 15 attributes of
        each item through introspection (`_get_dynamic_attr`), which cost more than the rest.
        The values are the ones Django's would take from the `item_*` methods (tested)."""
        feed = super().get_feed(_CHANNEL, request)  # the channel, without items
        domain, secure = get_current_site(request).domain, request.is_secure()
        author_name = getattr(self, "item_author_name", lambda item: None)
        categories = getattr(self, "item_categories", lambda item: None)
        for item in self.latest():
            link = add_domain(domain, self.item_link(item), secure)
            feed.add_item(
                title=self.item_title(item),
                link=link,
                description=self.item_description(item),
                unique_id=link,
                unique_id_is_permalink=None,
                enclosures=[],
                pubdate=self.item_pubdate(item),
                updateddate=self.item_updateddate(item),
                author_name=author_name(item),
                author_email=None,
                author_link=None,
                comments=None,
                categories=categories(item),
                item_copyright=None,
            )
        return feed


# What the clippings' feed shows.
CLIPPING_FIELDS = (
    "headline",
    "slug",
    "date",
    "author",
    "summary_it",
    "summary_en",
    "published_at",
    "updated_at",
    "source__name",
)


class ClippingFeed(Feed):
    """The latest clippings, by the moment they were published on the portal."""

    def title(self):
        return _("Torino Internazionale — Press Review")

    def description(self):
        return _("What the press writes about the Strategic Plans of Turin.")

    def link(self):
        return reverse("press:index")

    def latest(self):
        items = list(
            Clipping.objects.published()
            .select_related("source")
            .only(*CLIPPING_FIELDS)
            .order_by("-published_at")[:FEED_ITEMS]
        )
        prefix = reverse("press:index")  # one reverse() for the feed, not one per item
        for item in items:
            item.link = f"{prefix}{item.pk}-{item.slug}/"  # press:detail's address
        return items

    def item_link(self, item):
        return item.link

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

    def latest(self):
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

    def latest(self):
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
