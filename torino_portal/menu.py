"""The main menu, in the original site's order, and which item the current page is in.

Each app registers its items in its `AppConfig.ready()` (torino_portal/contributions.py,
slot "menu", `order` = the position in the product map); pages of another app that belong
under an item are registered in the slot "menu:<item key>" (the commissions under Plan 2).
"""

from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

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

    def prefixes(self):
        """The addresses that start pages under this item, its own first."""
        prefixes = [self.url()]
        for name in contributions.values(f"menu:{self.key}"):
            try:
                prefixes.append(reverse(name))
            except NoReverseMatch:
                pass
        return tuple(prefixes)


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
        (item, prefixes[0], bool(path) and path.startswith(prefixes))
        for item, prefixes in _reversed(get_language(), get_urlconf(), get_script_prefix())
    ]


@lru_cache(maxsize=16)
def _reversed(language, urlconf, script_prefix):
    """Each item with its prefixes: reversed once per language (every page shows the menu)."""
    return [(item, item.prefixes()) for item in contributions.values("menu")]
