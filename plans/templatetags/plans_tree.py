"""The side menu's page tree, rendered in Python: a recursive template include per page
costs milliseconds each, and a plan may hold hundreds of pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import ngettext

from torino_portal.i18n import fallback_language

register = template.Library()


@register.simple_tag
def page_tree(tree, current=None, open_branch=(), expand_all=False, children_limit=None):
    """Nested lists of the `tree`'s pages, with the children of the pages in `open_branch`
    (pks), or of every page with `expand_all`. The `current` page is marked with
    aria-current. With `children_limit`, a page below the top level lists at most that many
    children and then links its own page, which lists them all: the plan's contents stay a
    readable size however many pages a section holds. Kept on the tree: a visitor's tree
    lives until content changes."""
    current_pk = getattr(current, "pk", None)
    open_branch = open_branch or ()  # a variable missing from the context arrives as ""
    key = (current_pk, bool(expand_all), frozenset(open_branch), children_limit)
    if key not in tree.rendered:
        if len(tree.rendered) >= 500:  # a bound on memory: most visits reach few pages
            tree.rendered.clear()
        tree.rendered[key] = _render_tree(
            tree.roots, current_pk, open_branch, expand_all, children_limit
        )
    return tree.rendered[key]


def _more_link(node, hidden):
    text = ngettext(
        "%(count)d more page in “%(title)s”", "%(count)d more pages in “%(title)s”", hidden
    ) % {"count": hidden, "title": node.title}
    return format_html('<li class="more"><a href="{}">{}</a></li>', node.url, text)


def _render_tree(nodes, current_pk, open_branch, expand_all, children_limit=None):
    def items(level, parent=None):
        shown = level
        if parent is not None and children_limit is not None and len(level) > children_limit:
            shown = level[:children_limit]
        for node in shown:
            is_current = node.pk == current_pk
            fallback = fallback_language(node, "title")
            link = format_html(
                '<a href="{}"{}{}>{}</a>',
                node.url,
                mark_safe(' aria-current="page"') if is_current else "",
                format_html(' lang="{}"', fallback) if fallback else "",
                node.title,
            )
            children = ""
            if node.tree_children and (expand_all or node.pk in open_branch):
                children = render(node.tree_children, node)
            yield (mark_safe(' class="current"') if is_current else "", link, children)

    def render(level, parent=None):
        more = ""
        if parent is not None and children_limit is not None and len(level) > children_limit:
            more = _more_link(parent, len(level) - children_limit)
        return format_html(
            "<ul>{}{}</ul>", format_html_join("", "<li{}>{}{}</li>", items(level, parent)), more
        )

    return render(nodes) if nodes else ""
