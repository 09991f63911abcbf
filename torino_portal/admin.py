"""The admin's shared pieces: every content type's admin starts from `PublishableAdmin`."""

from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from .dashboard import missing_english
from .history_admin import HistoryAdmin
from .models import SitePage
from .publishing import Status
from .search import index as search_index

admin.site.site_header = _("Torino Internazionale — administration")
admin.site.site_title = _("Torino Internazionale")
admin.site.index_title = _("Portal content")


def permission_check(permission):
    """A `has_<name>_permission(request)` for `@admin.action(permissions=[name])` and the
    admin's own views: true when the user holds `permission` ("app_label.codename").

    Django's action mechanism looks for such a method on the ModelAdmin; writing it with
    this helper also records which permission it checks (`.permission`), so the test that
    walks every action knows what a user needs to be offered it.
    """

    def check(self, request, obj=None):
        return request.user.has_perm(permission)

    check.permission = permission
    return check


# Kept apart so that the `@admin.action(permissions=…)` line stays one line.
WITHDRAW = _("Withdraw the selected items (back to draft)")


class MissingEnglishFilter(admin.SimpleListFilter):
    """'Missing English': the items whose English title or main text is empty (the
    dashboard's translation status links here)."""

    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("missing English")), ("present", _("translated"))]

    def queryset(self, request, queryset):
        condition = missing_english(queryset.model)
        if condition is None or self.value() not in ("missing", "present"):
            return queryset
        return (
            queryset.filter(condition) if self.value() == "missing" else queryset.exclude(condition)
        )


class ScheduledFilter(admin.SimpleListFilter):
    """Published items whose publication date is still to come."""

    title = _("publication")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("scheduled", _("scheduled (date still to come)")), ("public", _("public now"))]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "scheduled":
            return queryset.filter(published_at__gt=now)
        if self.value() == "public":
            return queryset.filter(published_at__lte=now)
        return queryset


class PublishableAdmin(HistoryAdmin, TabbedDjangoJqueryTranslationAdmin):
    """Language tabs, status filters, the demo mark, publish/unpublish actions, and the
    history of every change (compare, restore, recover deleted: `history_admin.py`)."""

    list_filter = ["status", "is_demo"]
    readonly_fields = ["is_demo", "created_at", "updated_at"]
    actions = ["publish", "unpublish"]
    save_on_top = True
    change_list_template = "admin/history/change_list.html"

    def get_list_filter(self, request):
        extra = [ScheduledFilter]
        if missing_english(self.model) is not None:
            extra.append(MissingEnglishFilter)
        return [*super().get_list_filter(request), *extra]

    # Publishing is changing: the same permission as the change form's status field.
    @admin.action(permissions=["change"], description=_("Publish the selected items now"))
    def publish(self, request, queryset):
        count = queryset.publish_now()  # keeps each item's date unless it is still to come
        search_index.update_queryset(queryset)  # update() sends no post_save
        self.record_history(request, queryset)
        self.message_user(
            request,
            ngettext("%d item published.", "%d items published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(permissions=["change"], description=WITHDRAW)
    def unpublish(self, request, queryset):
        count = queryset.update(status=Status.DRAFT)
        search_index.update_queryset(queryset)
        self.record_history(request, queryset)
        self.message_user(
            request,
            ngettext("%d item withdrawn.", "%d items withdrawn.", count) % count,
            messages.SUCCESS,
        )

    def record_history(self, request, queryset):
        """A version for each item a bulk action changed (update() writes none itself)."""
        history = getattr(self.model, "history", None)
        if history is not None:
            history.bulk_history_create(
                list(queryset.model._default_manager.filter(pk__in=queryset.values("pk"))),
                update=True,
                default_user=request.user,
            )

    @admin.display(description=_("demo"), boolean=True, ordering="is_demo")
    def demo_mark(self, obj):
        return obj.is_demo


@admin.register(SitePage)
class SitePageAdmin(PublishableAdmin):
    list_display = ["title", "key", "status", "demo_mark", "updated_at"]
    search_fields = ["title", "body"]


class DragOrderMixin(SortableAdminMixin):
    """Rows dragged into order on the list (django-admin-sortable2), which saves the new
    order at once; it needs the change permission (sortable2 checks it). Its actions that
    move rows to another page of the list name no permission and move items across what
    editors think of as separate lists: they are left out."""

    def get_actions(self, request):
        actions = super().get_actions(request)
        return {name: a for name, a in actions.items() if not name.startswith("move_to_")}


class MissingTranscriptFilter(admin.SimpleListFilter):
    """'Audio without transcript' (WCAG 1.2.1): the items whose recordings a deaf visitor
    cannot follow. Subclasses say which rows those are, in `without_transcript()`."""

    title = _("transcripts")
    parameter_name = "transcript"

    def without_transcript(self):
        """The primary keys of the listed model that have a recording without transcript."""
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [("missing", _("audio without transcript"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(pk__in=self.without_transcript())
        return queryset


class TranscriptWarningMixin:
    """After a save, a warning names each recording of the item that has no transcript.
    Subclasses give `recordings_without_transcript(obj)`."""

    def recordings_without_transcript(self, obj):
        raise NotImplementedError

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        missing = [str(item) for item in self.recordings_without_transcript(form.instance)]
        if missing:
            self.message_user(
                request,
                ngettext(
                    "This audio file has no transcript: %(titles)s. Add one, so that people "
                    "who cannot hear it can read it.",
                    "These audio files have no transcript: %(titles)s. Add one to each, so that "
                    "people who cannot hear them can read them.",
                    len(missing),
                )
                % {"titles": ", ".join(f"“{title}”" for title in missing)},
                messages.WARNING,
            )
