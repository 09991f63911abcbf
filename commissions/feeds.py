"""The online forum as an RSS feed: approved contributions to public topics only."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .models import Contribution

FEED_ITEMS = 30


class ForumFeed(Feed):
    """The latest approved contributions, by the moment they were approved."""

    def title(self):
        return _("Torino Internazionale — Online forum")

    def description(self):
        return _("New contributions to the online forum of the Thematic Commissions.")

    def link(self):
        return reverse("commissions:forum")

    def items(self):
        # `published()`: approved, and its topic and commission are public.
        return (
            Contribution.objects.published()
            .select_related("topic__commission")
            .order_by("-moderated_at", "-created_at", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return _("%(name)s on “%(topic)s”") % {"name": item.name, "topic": item.topic.title}

    def item_description(self, item):
        # Plain text, escaped by the feed generator: nothing a visitor typed becomes markup.
        return Truncator(item.text).words(120)

    def item_link(self, item):
        return f"{item.topic.get_absolute_url()}#contribution-{item.pk}"

    def item_guid(self, item):
        return f"{self.link()}#contribution-{item.pk}"

    def item_pubdate(self, item):
        return item.moderated_at or item.created_at

    def item_author_name(self, item):
        return item.name
