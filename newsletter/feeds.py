"""The newsletter archive as an RSS feed, announced in the head of the archive's pages."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext as _

from torino_portal.search import plain_text

from .models import Newsletter

FEED_ITEMS = 20


class NewsletterFeed(Feed):
    """The latest newsletters of the public archive, their text without markup."""

    def title(self):
        return _("Torino Internazionale — Newsletter archive")

    def description(self):
        return _("The newsletters of Torino Internazionale, as they were sent.")

    def link(self):
        return reverse("newsletter:archive")

    def items(self):
        return Newsletter.objects.published().order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item):
        return item.subject

    def item_description(self, item):
        words = plain_text(item.body).split()
        return " ".join(words[:80]) + (" …" if len(words) > 80 else "")

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at
