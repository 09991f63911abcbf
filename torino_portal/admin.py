"""The admin's shared pieces: every content type's admin starts from `PublishableAdmin`."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from .models import SitePage
from .publishing import Status

admin.site.site_header = _("Torino Internazionale — administration")
admin.site.site_title = _("Torino Internazionale")
admin.site.index_title = _("Portal content")


class PublishableAdmin(TabbedDjangoJqueryTranslationAdmin):
    """Language tabs, status filters, the demo mark and publish/unpublish actions."""

    list_filter = ["status", "is_demo"]
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True

    @admin.action(description=_("Publish the selected items now"))
    def publish(self, request, queryset):
        count = queryset.update(status=Status.PUBLISHED, published_at=timezone.now())
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Withdraw the selected items (back to draft)"))
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d item withdrawn.", "%d items withdrawn.", count) % count,
            messages.SUCCESS,
        )

    @admin.display(description=_("demo"), boolean=True, ordering="is_demo")
    def demo_mark(self, obj):
        return obj.is_demo


@admin.register(SitePage)
class SitePageAdmin(PublishableAdmin):
    list_display = ["title", "key", "status", "demo_mark", "updated_at"]
    search_fields = ["title", "body"]
