from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from torino_portal.admin import PublishableAdmin

from .models import Direction, Page, Plan


@admin.register(Plan)
class PlanAdmin(PublishableAdmin):
    list_display = ["title", "number", "year", "status", "demo_mark"]
    search_fields = ["title", "summary"]


@admin.register(Page)
class PageAdmin(PublishableAdmin):
    list_display = ["title", "plan", "parent", "order", "status", "published_at", "demo_mark"]
    list_editable = ["order"]
    list_filter = ["plan", "status", "is_demo"]
    list_select_related = ["plan", "parent"]
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


@admin.register(Direction)
class DirectionAdmin(PublishableAdmin):
    list_display = ["__str__", "plan", "meta_objective", "status", "demo_mark"]
    list_filter = ["plan", "meta_objective", "status", "is_demo"]
    search_fields = ["title", "summary", "description"]
