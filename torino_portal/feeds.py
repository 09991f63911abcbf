"""The "what's new" feed: the latest public items of every section, in the reader's language.

It reads the site search's table (`SearchDocument`), which already holds every public item
of every app with its title, summary, address and publication moment — so this shared
module knows no app, and the feed costs one query.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import SearchDocument
from .search import index

FEED_ITEMS = 40


class WhatsNewFeed(Feed):
    def title(self):
        return _("Torino Internazionale — what's new")

    def description(self):
        return _(
            "The latest pages, events, meetings, clippings, publications and newsletters of "
            "Torino Internazionale."
        )

    def link(self):
        return reverse("home")

    def items(self):
        language = (get_language() or "it").split("-")[0]
        return (
            SearchDocument.objects.filter(language=language, visible_from__lte=timezone.now())
            .exclude(section="site")  # help, contacts…: not news
            .defer("other_text", "vector")
            .order_by("-visible_from", "-pk")[:FEED_ITEMS]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return Truncator(item.summary or item.body).words(60)

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.visible_from

    def item_categories(self, item):
        return [str(index.section_labels().get(item.section, item.section))]
