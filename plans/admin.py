from django.contrib import admin
from django.contrib.admin.views.main import ORDER_VAR, ChangeList
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from torino_portal.admin import DragOrderMixin, PublishableAdmin

from .models import Direction, Page, Plan


@admin.register(Plan)
class PlanAdmin(PublishableAdmin):
    list_display = ["title", "number", "year", "status", "demo_mark"]
    search_fields = ["title", "summary"]


# Ten digits of the order and of the id per level: sorting the paths as text is tree order.
_SEGMENT = {
    "postgresql": "lpad({t}.\"order\"::text, 10, '0') || lpad({t}.id::text, 10, '0')",
    "sqlite": "substr('0000000000' || {t}.\"order\", -10) || substr('0000000000' || {t}.id, -10)",
}
SEGMENT_LENGTH = 21  # ten + ten digits and the dot before each level


def tree_path_sql():
    """Each page's path from its top page (the order and id of each level): one recursive
    query walks the tree, so the list is in tree order whatever the depth."""
    segment = _SEGMENT[connection.vendor]
    return (
        "(WITH RECURSIVE tree(id, path) AS ("
        f" SELECT p.id, '.' || {segment.format(t='p')} FROM plans_page p WHERE p.parent_id IS NULL"
        " UNION ALL"
        f" SELECT c.id, tree.path || '.' || {segment.format(t='c')}"
        " FROM plans_page c JOIN tree ON c.parent_id = tree.id"
        ') SELECT path FROM tree WHERE tree.id = "plans_page"."id")'
    )


SIBLINGS_PARAM = "parent__id__exact"
TOP_PARAM = "parent__isnull"


class TreeChangeList(ChangeList):
    """Tree order; a list of siblings (one parent's pages, or a plan's top pages) in their
    own order, where they can be dragged; a column's order when the editor sorts by it."""

    def get_ordering(self, request, queryset):
        if ORDER_VAR in self.params:
            return super().get_ordering(request, queryset)
        if SIBLINGS_PARAM in self.params or TOP_PARAM in self.params:
            return ["order", "pk"]
        return ["plan", "tree_path", "pk"]


@admin.register(Page)
class PageAdmin(DragOrderMixin, PublishableAdmin):
    """The pages in tree order, each indented by its depth. "Reorder" on a row lists the
    page with its siblings, where they are dragged into order."""

    list_display = [
        "tree_title",
        "plan",
        "order",
        "siblings_link",
        "status",
        "published_on",
    ]
    list_display_links = ["tree_title"]
    # sortable2's field; the list itself is in tree order (TreeChangeList).
    ordering = ["order"]
    list_filter = ["plan", "status", "is_demo"]
    # No parent column: the indentation shows it, and 1280 px hold every column.
    list_select_related = ["plan"]
    search_fields = ["title", "summary", "body"]
    autocomplete_fields = ["parent"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["plan", "parent", "order", "title", "slug", "summary", "body"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(tree_path=RawSQL(tree_path_sql(), ()))

    def get_changelist(self, request, **kwargs):
        return TreeChangeList

    def get_list_display(self, request):
        """The drag handle on a list of siblings; the way to them on the tree (1280 px hold
        either: no parent column, the indentation shows it; the demo mark is a filter)."""
        columns = super().get_list_display(request)
        if SIBLINGS_PARAM in request.GET or TOP_PARAM in request.GET:
            return [c for c in columns if c != "siblings_link"]
        return [c for c in columns if c != "_reorder_"]

    @admin.display(description=_("publication date"), ordering="published_at")
    def published_on(self, obj):
        return date_format(timezone.localtime(obj.published_at), "SHORT_DATE_FORMAT")

    @admin.display(description=_("reorder"))
    def siblings_link(self, obj):
        if obj.parent_id:
            query = f"{SIBLINGS_PARAM}={obj.parent_id}"
        else:
            query = f"{TOP_PARAM}=True&plan__id__exact={obj.plan_id}"
        return format_html('<a href="?{}">{}</a>', query, _("at this level"))

    @admin.display(description=_("title"), ordering="tree_path")
    def tree_title(self, obj):
        depth = max(len(obj.tree_path or "") // SEGMENT_LENGTH - 1, 0)
        return format_html('<span class="tree-depth-{}">{}</span>', min(depth, 5), obj.title)


@admin.register(Direction)
class DirectionAdmin(PublishableAdmin):
    list_display = ["__str__", "plan", "meta_objective", "status", "demo_mark"]
    list_filter = ["plan", "meta_objective", "status", "is_demo"]
    search_fields = ["title", "summary", "description"]
