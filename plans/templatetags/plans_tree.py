"""The side menu's page tree, rendered in Python: a recursive template include per page
costs milliseconds each, and a plan may hold hundreds of pages."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from torino_portal.i18n import fallback_language

register = template.Library()


@register.simple_tag
def page_tree(tree, current=None, open_branch=(), expand_all=False):
    """Nested lists of the `tree`'s pages, with the children of the pages in `open_branch`
    (pks), or of every page with `expand_all`. The `current` page is marked with
    aria-current. Kept on the tree: a visitor's tree lives until content changes."""
    current_pk = getattr(current, "pk", None)
    open_branch = open_branch or ()  # a variable missing from the context arrives as ""
    key = (current_pk, bool(expand_all), frozenset(open_branch))
    if key not in tree.rendered:
        if len(tree.rendered) >= 500:  # a bound on memory: most visits reach few pages
            tree.rendered.clear()
        tree.rendered[key] = _render_tree(tree.roots, current_pk, open_branch, expand_all)
    return tree.rendered[key]


def _render_tree(nodes, current_pk, open_branch, expand_all):
    def items(level):
        for node in level:
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
                children = render(node.tree_children)
            yield (mark_safe(' class="current"') if is_current else "", link, children)

    def render(level):
        return format_html("<ul>{}</ul>", format_html_join("", "<li{}>{}{}</li>", items(level)))

    return render(nodes) if nodes else ""
