"""What the site search looks into: each app lists its `SearchSource`s in `<app>/search.py`."""

from dataclasses import dataclass

from django.db.models import Q

from .i18n import LANGUAGE_CODES


@dataclass(frozen=True)
class SearchSource:
    """A content type searched in every language's columns (the results fall back to Italian)."""

    label: str
    model: type
    fields: tuple
    select_related: tuple = ()

    def matches(self, query):
        condition = Q()
        for field in self.fields:
            for code in LANGUAGE_CODES:
                condition |= Q(**{f"{field}_{code}__icontains": query})
        queryset = self.model.objects.published().filter(condition)
        return queryset.select_related(*self.select_related) if self.select_related else queryset
