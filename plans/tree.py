"""A plan's page tree, loaded in one query and walked in memory.

Menus, breadcrumbs, the side tree and path resolution all come from the same list, so a
page costs the same few queries however many pages the plan holds.
"""

from collections import defaultdict


class PageTree:
    def __init__(self, plan, pages):
        self.plan = plan
        self.children = defaultdict(list)
        self.rendered = {}  # the side tree's HTML, by current page (plans_tree.page_tree)
        for page in pages:  # already in (order, pk) order
            page.plan = plan
            self.children[page.parent_id].append(page)
        self._link(plan.get_absolute_url())

    def _link(self, plan_url):
        """Give every page its ancestors, children and address (one `reverse()` in all)."""
        stack = [(None, [], plan_url)]
        while stack:
            parent_id, chain, prefix = stack.pop()
            for page in self.children.get(parent_id, []):
                page._ancestors = chain
                page.tree_children = self.children.get(page.pk, [])
                # Same address as get_absolute_url(), in the active language.
                page.url = f"{prefix}{page.slug}/"
                stack.append((page.pk, [*chain, page], page.url))

    @property
    def roots(self):
        return self.children.get(None, [])

    def resolve(self, slugs):
        """The page at `slugs` (the active language's), or None."""
        page, level = None, self.roots
        for slug in slugs:
            page = next((p for p in level if p.slug == slug), None)
            if page is None:
                return None
            level = page.tree_children
        return page
