"""`{% event_items events kinds heading %}`: a list's items written in one go
(`events.lists.items_html`: a Django template cost ~35 µs an item in includes, lookups,
filters and reverse()); `{% event_pages page_obj %}`: its page links."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from events import lists

register = template.Library()


@register.simple_tag
def event_items(events, kinds, heading="h2"):
    """A list's items: `events.lists.items_html` (rows from `lists.page_rows`)."""
    return lists.items_html(events, kinds, heading)


@register.simple_tag(takes_context=True)
def event_pages(context, page):
    """`_pagination.html`'s markup for a list's `page` (the `?page=` links keep the query's
    other parameters, as `{% querystring %}` does), written in Python: the partial's tags
    cost more than the rest of a list's template."""
    paginator = page.paginator
    if paginator.num_pages <= 1:
        return ""
    query = context.request.GET.copy()

    def link(number, rel, text):
        query["page"] = number
        return (
            f'<li><a href="?{conditional_escape(query.urlencode())}" rel="{rel}">'
            f"{conditional_escape(text)}</a></li>"
        )

    current = _("Page %(number)s of %(total)s") % {
        "number": page.number,
        "total": paginator.num_pages,
    }
    items = [
        link(page.previous_page_number(), "prev", _("Previous")) if page.has_previous() else "",
        f'<li aria-current="page">{conditional_escape(current)}</li>',
        link(page.next_page_number(), "next", _("Next")) if page.has_next() else "",
    ]
    return mark_safe(  # noqa: S308 (every text above is escaped)
        f'<nav class="pagination" aria-label="{conditional_escape(_("Pages"))}">\n  <ul>\n    '
        + "\n    ".join(item for item in items if item)
        + "\n  </ul>\n</nav>\n"
    )
