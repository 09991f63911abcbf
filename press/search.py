"""The press app's content in the site search (see torino_portal/search.py)."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from torino_portal.i18n import LANGUAGE_CODES
from torino_portal.search import SearchSource

from .models import Clipping, Issue, Publication


@dataclass(frozen=True)
class PressSearchSource(SearchSource):
    """A SearchSource that also looks into untranslated fields (headline, author, authors)."""

    plain_fields: tuple = ()

    def matches(self, query):
        condition = Q()
        for field in self.fields:
            for code in LANGUAGE_CODES:
                condition |= Q(**{f"{field}_{code}__icontains": query})
        for field in self.plain_fields:
            condition |= Q(**{f"{field}__icontains": query})
        queryset = self.model.objects.published().filter(condition)
        return queryset.select_related(*self.select_related) if self.select_related else queryset


SEARCH_SOURCES = [
    PressSearchSource(
        _("Press Review"),
        Clipping,
        ("summary",),
        select_related=("source",),
        plain_fields=("headline", "author", "source__name"),
    ),
    PressSearchSource(
        _("Publications"),
        Publication,
        ("title", "subtitle", "description"),
        plain_fields=("authors", "isbn"),
    ),
    SearchSource(_("Tamtam"), Issue, ("theme", "contents")),
]
