"""The main menu, in the original site's order, and which item the current page is in.

Each app registers its items in its `AppConfig.ready()` (torino_portal/contributions.py,
slot "menu", `order` = the position in the product map); pages of another app that belong
under an item are registered in the slot "menu:<item key>" (the commissions under Plan 2).
"""

from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse

from . import contributions

# The product map's order: Piano Strategico 2 · Tamtam · Editoria · Agenda · Rassegna Stampa
# · Piano Strategico 1. Apps take these positions; nothing else decides the order.
POSITIONS = {
    "plan-2": 10,
    "tamtam": 20,
    "publications": 30,
    "agenda": 40,
    "press": 50,
    "plan-1": 60,
}


@dataclass(frozen=True, eq=False)
class MenuItem:
    key: str
    label: str
    url_name: str
    kwargs: dict = field(default_factory=dict)

    def url(self):
        return reverse(self.url_name, kwargs=self.kwargs)

    def contains(self, path):
        prefixes = [self.url()]
        for name in contributions.values(f"menu:{self.key}"):
            try:
                prefixes.append(reverse(name))
            except NoReverseMatch:
                pass
        return any(path.startswith(prefix) for prefix in prefixes)


def register(key, label, url_name, **kwargs):
    """Add the menu item `key` (one of POSITIONS) — called from an app's ready()."""
    item = MenuItem(key, label, url_name, kwargs)
    contributions.register("menu", item, order=POSITIONS[key], key=key)


def register_under(key, url_name):
    """Pages under `url_name` belong to the menu item `key` (it is marked current there)."""
    contributions.register(f"menu:{key}", url_name)


def menu_for(path):
    """[(item, url, is_current)] for the page at `path`."""
    return [
        (item, item.url(), bool(path) and item.contains(path))
        for item in contributions.values("menu")
    ]
