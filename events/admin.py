from django.contrib import admin, messages
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from torino_portal.admin import PublishableAdmin

from . import services
from .models import Attachment, Event, EventKind, Registration, RegistrationStatus


def csv_response(registrations, name):
    response = HttpResponse(
        services.registrations_csv(registrations), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    return response


@admin.register(EventKind)
class EventKindAdmin(TabbedTranslationAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name_it"]}


class AttachmentInline(TranslationTabularInline):
    model = Attachment
    extra = 0
    fields = ["title", "file", "order"]


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
class EventAdmin(PublishableAdmin):
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
    list_filter = ["kind", "registration_enabled", "status", "is_demo"]
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

    @admin.display(description=_("registered"), ordering="_confirmed")
    def confirmed_count(self, obj):
        return obj._confirmed

    @admin.action(description=_("Download the registrations of the selected events (CSV)"))
    def download_registrations(self, request, queryset):
        return csv_response(Registration.objects.filter(event__in=queryset), "registrations")

    @admin.action(description=_("Give free seats to the people on the waiting list"))
    def fill_seats(self, request, queryset):
        promoted = []
        for event in queryset:
            promoted += services.fill_from_waiting_list(event)
        for registration in promoted:
            services.send_promotion_mail(registration)
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
    readonly_fields = ["consent_at", "created_at", "promoted_at"]
    actions = ["download_csv"]

    @admin.action(description=_("Download the selected registrations (CSV)"))
    def download_csv(self, request, queryset):
        return csv_response(queryset, "registrations")
