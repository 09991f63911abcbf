"""What an app adds to a page it does not own, without the page's app knowing it.

The dependency rules (README "Architecture", checked by `make lint`) let `commissions` know
`plans` and `events` but not the other way round; yet the event page of a meeting names its
commission, and a direction's page lists the commissions that produced it. So the page keeps
a named *slot* and the app that knows more fills it, in its `AppConfig.ready()`:

    contributions.register("event_detail", "commissions/_event_meeting.html", order=10)
    contributions.register("home", "press/_home.html", context=home.home_context, order=30)
    menu.register("tamtam", _("Tamtam"), "tamtam:index")  # slot "menu", its product-map place

Templates render a slot with one tag, `{% load contributions %}{% contributions "event_detail"
event=event %}`: each template in `order`, with the page's context, the tag's arguments and
what `context(request, **arguments)` returns (None leaves that contribution out). Slots that
hold values instead of templates (the main menu) are read with `contributions.values(slot)`.
A contribution that is the same for every visitor and changes only with content and the
date registers `kept=(the Publishable models it shows)`, or `kept=True` when what it shows
depends on other apps' rows too: it is rendered once per content generation, language and
day (torino_portal/fragments.py) and served from there to visitors.

The slots in use — the one list to read when looking for who draws what:

    utility_links   the header's links beside help and contacts (newsletter: mailing list)
    footer          every page's footer (newsletter: the sign-up form; also on 500.html)
    home            the home page's sections, below the introduction
    event_detail    below an event's details (commissions: "meeting of the commission …")
    direction       on a strategic direction's page (commissions: "produced by")
    plan_sidebar    the links under a plan's page tree (commissions: the commissions)
    menu            the main menu's items (`torino_portal.menu.MenuItem`)
    menu:<key>      URL names whose pages belong under the menu item `key`
"""

from collections import defaultdict
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Contribution:
    slot: str
    value: Any  # a template name, or a value the slot's reader knows (a MenuItem)
    context: Any = None  # callable(request, **arguments) -> dict | None
    order: int = 0
    kept: tuple | bool | None = None  # when it is kept, the models it shows (docstring)


_slots = defaultdict(dict)


def register(slot, value, *, context=None, order=0, key=None, kept=None):
    """Add `value` to `slot`. Registering the same value (or `key`) again replaces it, so a
    slot never shows a contribution twice."""
    if kept not in (None, True):
        kept = tuple(kept)
    _slots[slot][key or value] = Contribution(slot, value, context, order, kept)


def contributions(slot):
    """The slot's contributions, in `order` (then in the order they were registered)."""
    return sorted(_slots.get(slot, {}).values(), key=lambda item: item.order)


def values(slot):
    return [item.value for item in contributions(slot)]
