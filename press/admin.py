from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from torino_portal.admin import PublishableAdmin

from .models import Clipping, Issue, Publication, Series, Source

# Django 6 will assume https for typed addresses without a scheme; do so now.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}

PUBLISHING = (
    _("Publishing"),
    {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "website"]
    list_filter = ["kind"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    formfield_overrides = URL_FIELDS


@admin.register(Clipping)
class ClippingAdmin(PublishableAdmin):
    list_display = ["headline", "source", "date", "language", "status", "demo_mark"]
    list_filter = ["source", "language", "commissions", "status", "is_demo"]
    list_select_related = ["source"]
    search_fields = ["headline", "author", "summary"]
    date_hierarchy = "date"
    autocomplete_fields = ["source"]
    filter_horizontal = ["directions", "commissions"]
    formfield_overrides = URL_FIELDS
    fieldsets = [
        (None, {"fields": ["headline", "source", "date", "author", "page", "language"]}),
        (_("Summary"), {"fields": ["summary"]}),
        (_("The original"), {"fields": ["url", "scan"]}),
        (_("Tags"), {"fields": ["directions", "commissions"]}),
        PUBLISHING,
    ]


@admin.register(Series)
class SeriesAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name_it"]}


@admin.register(Publication)
class PublicationAdmin(PublishableAdmin):
    list_display = ["title", "year", "series", "isbn", "status", "demo_mark"]
    list_filter = ["series", "year", "status", "is_demo"]
    list_select_related = ["series"]
    search_fields = ["title", "subtitle", "authors", "isbn"]
    autocomplete_fields = ["series"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "authors", "year", "series", "isbn"]}),
        (_("Description"), {"fields": ["description", "plan"]}),
        (_("Files"), {"fields": ["cover", "cover_alt", "pdf"]}),
        PUBLISHING,
    ]


@admin.register(Issue)
class IssueAdmin(PublishableAdmin):
    list_display = ["number", "theme", "date", "status", "demo_mark"]
    list_display_links = ["number", "theme"]
    search_fields = ["theme", "contents"]
    date_hierarchy = "date"
    fieldsets = [
        (None, {"fields": ["number", "date", "theme", "contents"]}),
        (_("Files"), {"fields": ["cover", "pdf"]}),
        PUBLISHING,
    ]
