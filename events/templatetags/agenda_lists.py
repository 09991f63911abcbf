"""`{% event_items events heading %}`: a list's items (`events.lists.Row`) written in one go.

The markup of `_event_item.html` (the home page's next events), filled from rows whose
address, date and `lang` attributes are ready: a Django template costs ~35 µs an item in
variable lookups and escaping, this ~6 µs.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()

HEADINGS = {"h2", "h3", "h4"}


@register.simple_tag
def event_items(events, heading="h2"):
    tag = heading if heading in HEADINGS else "h2"
    parts = []
    for event in events:
        venue = (
            f" · <span{event.venue_lang}>{conditional_escape(event.venue)}</span>"
            if event.venue
            else ""
        )
        summary = (
            f'  <p class="event-item__summary"{event.summary_lang}>'
            f"{conditional_escape(event.summary)}</p>\n"
            if event.summary
            else ""
        )
        parts.append(
            '<li class="event-item">\n'
            f'  <p class="event-item__when">{event.when}</p>\n'
            f'  <{tag} class="event-item__title"><a href="{conditional_escape(event.url)}"'
            f"{event.title_lang}>{conditional_escape(event.title)}</a></{tag}>\n"
            f'  <p class="meta">{conditional_escape(event.kind)}{venue}</p>\n'
            f"{summary}</li>\n"
        )
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)
