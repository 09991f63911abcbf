from django.contrib import admin, messages
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
)

from torino_portal.admin import (
    MissingTranscriptFilter,
    PublishableAdmin,
    TranscriptWarningMixin,
    permission_check,
)

from . import services
from .models import Attachment, Event, EventKind, Registration, RegistrationStatus

# Action labels kept apart so that each `@admin.action(permissions=…)` fits on one line.
DOWNLOAD_REGISTRATIONS = _("Download the registrations of the selected events (CSV)")
FILL_SEATS = _("Give free seats to the people on the waiting list")
DOWNLOAD_SELECTED = _("Download the selected registrations (CSV)")


@admin.register(EventKind)
class EventKindAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_it"]}


class AttachmentInline(TranslationStackedInline):
    # Stacked: the transcript is rich text and needs the width.
    model = Attachment
    extra = 0
    fields = ["title", "file", "transcript", "order"]


class EventTranscriptFilter(MissingTranscriptFilter):
    def without_transcript(self):
        return Attachment.objects.audio_without_transcript().values("event")


class RegistrationInline(admin.TabularInline):
    """The sign-ups at a glance; changes go through the registrations list."""

    model = Registration
    extra = 0
    can_delete = False
    show_change_link = True
    fields = ["name", "email", "organisation", "status", "created_at"]
    readonly_fields = fields
    ordering = ["status", "created_at", "pk"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(TranscriptWarningMixin, PublishableAdmin):
    list_display = [
        "title",
        "start",
        "kind",
        "venue_name",
        "registration_enabled",
        "confirmed_count",
        "status",
        "demo_mark",
    ]
    list_filter = ["kind", "registration_enabled", "status", "is_demo", EventTranscriptFilter]
    list_select_related = ["kind"]
    search_fields = ["title", "summary", "venue_name", "venue_address"]
    date_hierarchy = "start"
    readonly_fields = [*PublishableAdmin.readonly_fields, "sequence"]
    inlines = [AttachmentInline, RegistrationInline]
    actions = [*PublishableAdmin.actions, "download_registrations", "fill_seats"]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "summary", "description"]}),
        (
            _("Date and place"),
            {"fields": ["start", "end", "all_day", "venue_name", "venue_address"]},
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (
            _("Registration"),
            {"fields": ["registration_enabled", "seats", "registration_closes_at"]},
        ),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_demo",
                    "sequence",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        confirmed = Q(registrations__status=RegistrationStatus.CONFIRMED)
        return super().get_queryset(request).annotate(_confirmed=Count("registrations", confirmed))

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and obj.registration_enabled and "seats" in form.changed_data:
            # More seats (or none: no limit) go to the people waiting, now.
            promoted = services.fill_from_waiting_list(obj)
            if promoted:
                self._tell_promoted(request, promoted)

    def recordings_without_transcript(self, obj):
        return obj.attachments.audio_without_transcript()

    @admin.display(description=_("registered"), ordering="_confirmed")
    def confirmed_count(self, obj):
        return obj._confirmed

    # Registrants' names and addresses: a permission of their own, not "change event".
    has_export_registrations_permission = permission_check("events.export_registration")
    # Moves people off the waiting list and mails them: changing registrations.
    has_change_registrations_permission = permission_check("events.change_registration")

    @admin.action(permissions=["export_registrations"], description=DOWNLOAD_REGISTRATIONS)
    def download_registrations(self, request, queryset):
        return services.registrations_csv(Registration.objects.filter(event__in=queryset))

    @admin.action(permissions=["change_registrations"], description=FILL_SEATS)
    def fill_seats(self, request, queryset):
        promoted = []
        for event in queryset:
            promoted += services.fill_from_waiting_list(event)  # also queues their mails
        self._tell_promoted(request, promoted)

    def _tell_promoted(self, request, promoted):
        self.message_user(
            request,
            ngettext(
                "%d person moved off the waiting list and told by e-mail.",
                "%d people moved off the waiting list and told by e-mail.",
                len(promoted),
            )
            % len(promoted),
            messages.SUCCESS,
        )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "event", "status", "created_at"]
    list_filter = ["status", "event__kind", "event"]
    list_select_related = ["event"]
    search_fields = ["name", "email", "organisation", "event__title_it"]
    date_hierarchy = "created_at"
    autocomplete_fields = ["event"]
    readonly_fields = [
        "consent_at",
        "created_at",
        "promoted_at",
        "address_confirmed_at",
        "hold_expires_at",
    ]
    actions = ["download_csv"]

    has_export_permission = permission_check("events.export_registration")

    @admin.action(permissions=["export"], description=DOWNLOAD_SELECTED)
    def download_csv(self, request, queryset):
        return services.registrations_csv(queryset)

    # Whatever frees a seat gives it to the people waiting (services.fill_from_waiting_list).
    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "status" in form.changed_data:
            services.fill_from_waiting_list(obj.event)

    def delete_model(self, request, obj):
        services.delete_registrations(Registration.objects.filter(pk=obj.pk))

    def delete_queryset(self, request, queryset):
        services.delete_registrations(queryset)
