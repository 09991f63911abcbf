"""The main menu, in the original site's order, and which item the current page is in."""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    kwargs: dict = field(default_factory=dict)
    # Other sections that belong under this item (the commissions are part of Plan 2).
    also: tuple = ()

    def url(self):
        return reverse(self.url_name, kwargs=self.kwargs)

    def contains(self, path):
        prefixes = [self.url()]
        for name in self.also:
            try:
                prefixes.append(reverse(name))
            except NoReverseMatch:
                pass
        return any(path.startswith(prefix) for prefix in prefixes)


MAIN_MENU = [
    MenuItem(_("Strategic Plan 2"), "plans:plan", {"number": 2}, also=("commissions:index",)),
    MenuItem(_("Tamtam"), "tamtam:index"),
    MenuItem(_("Publications"), "publications:index"),
    MenuItem(_("Agenda"), "events:index"),
    MenuItem(_("Press Review"), "press:index"),
    MenuItem(_("Strategic Plan 1"), "plans:plan", {"number": 1}),
]


def menu_for(path):
    """[(item, url, is_current)] for the page at `path`."""
    return [(item, item.url(), bool(path) and item.contains(path)) for item in MAIN_MENU]
