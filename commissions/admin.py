from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from modeltranslation.fields import TranslationField

from torino_portal.admin import (
    DragOrderMixin,
    MissingTranscriptFilter,
    PublishableAdmin,
    TranscriptWarningMixin,
    permission_check,
)

from . import services
from .models import (
    Commission,
    Contribution,
    ContributionStatus,
    Document,
    Meeting,
    Person,
    Topic,
)


class PersonInline(TranslationTabularInline):
    model = Person
    extra = 0
    fields = ["name", "role", "position", "organisation", "order"]


class CommissionDocumentInline(TranslationStackedInline):
    """The commission's own documents; a meeting's documents are edited with the meeting."""

    model = Document
    fk_name = "commission"
    extra = 0
    fields = ["title", "file", "transcript", "order"]
    verbose_name_plural = _("documents of the commission (not of a single meeting)")

    def get_queryset(self, request):
        return super().get_queryset(request).filter(meeting__isnull=True)


class MeetingDocumentInline(TranslationStackedInline):
    model = Document
    fk_name = "meeting"
    extra = 0
    fields = ["title", "file", "transcript", "order"]
    verbose_name_plural = _("documents and recordings")


class CommissionTranscriptFilter(MissingTranscriptFilter):
    def without_transcript(self):
        return Document.objects.audio_without_transcript().values("commission")


class MeetingTranscriptFilter(MissingTranscriptFilter):
    def without_transcript(self):
        return Document.objects.audio_without_transcript().values("meeting")


@admin.register(Commission)
class CommissionAdmin(DragOrderMixin, TranscriptWarningMixin, PublishableAdmin):
    """Dragged into order on the list (the order column is the handle), as the site
    lists them."""

    list_display = ["name", "kind", "plan", "order", "status", "demo_mark"]
    list_filter = ["plan", "kind", "status", "is_demo", CommissionTranscriptFilter]
    list_select_related = ["plan"]
    search_fields = ["name", "summary", "mandate"]
    filter_horizontal = ["directions"]
    inlines = [PersonInline, CommissionDocumentInline]

    fieldsets = [
        (None, {"fields": ["plan", "kind", "order", "name", "slug", "summary", "mandate"]}),
        (_("Strategic directions"), {"fields": ["directions"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
        ),
    ]

    def recordings_without_transcript(self, obj):
        return obj.documents.filter(meeting__isnull=True).audio_without_transcript()


# The meeting's own fields and the Event fields it inherits, in the order editors think.
MEETING_FIELDSETS = [
    (None, {"fields": ["commission", "format", "phase", "title", "slug", "topic", "summary"]}),
    (
        _("When and where"),
        {"fields": ["start", "end", "all_day", "venue_name", "venue_address"]},
    ),
    (_("Description"), {"fields": ["description"]}),
    (_("After the meeting"), {"fields": ["participants", "outcome"]}),
    (
        _("Publishing"),
        {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
    ),
]
# `kind` follows the format; the Event's other fields (the Agenda may add some) go last.
_listed = {name for _title, options in MEETING_FIELDSETS for name in options["fields"]}
_agenda_fields = [
    field.name
    for field in Meeting._meta.get_fields()
    if getattr(field, "editable", False)
    and getattr(field, "concrete", False)
    and not field.auto_created
    and not isinstance(field, TranslationField)
    and field.name not in _listed | {"kind", "event_ptr", "id"}
]
if _agenda_fields:
    MEETING_FIELDSETS.insert(-1, (_("Agenda"), {"fields": _agenda_fields}))


@admin.register(Meeting)
class MeetingAdmin(TranscriptWarningMixin, PublishableAdmin):
    list_display = [
        "title",
        "commission",
        "format",
        "phase",
        "start",
        "participants",
        "status",
        "demo_mark",
    ]
    list_filter = ["commission", "format", "phase", "status", "is_demo", MeetingTranscriptFilter]
    list_select_related = ["commission"]
    search_fields = ["title", "topic", "summary", "outcome", "venue_name"]
    date_hierarchy = "start"
    autocomplete_fields = ["commission"]
    inlines = [MeetingDocumentInline]
    fieldsets = MEETING_FIELDSETS

    def recordings_without_transcript(self, obj):
        return obj.documents.audio_without_transcript()


@admin.register(Topic)
class TopicAdmin(PublishableAdmin):
    list_display = ["title", "commission", "is_open", "status", "published_at", "demo_mark"]
    list_filter = ["commission", "is_open", "status", "is_demo"]
    list_editable = ["is_open"]
    list_select_related = ["commission"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["commission"]
    fieldsets = [
        (None, {"fields": ["commission", "title", "slug", "description", "is_open"]}),
        (
            _("Publishing"),
            {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
        ),
    ]


# Action labels kept apart so that each `@admin.action(permissions=…)` fits on one line.
APPROVE = _("Approve the selected contributions (publish them)")
REJECT = _("Reject the selected contributions (keep them hidden)")


@admin.register(Contribution)
class ContributionAdmin(admin.ModelAdmin):
    """Pre-moderation: contributions wait here until an editor approves or rejects them."""

    list_display = ["excerpt", "name", "topic", "language", "status", "created_at", "is_demo"]
    list_filter = ["status", "topic__commission", "language", "is_demo"]
    list_select_related = ["topic"]
    search_fields = ["name", "email", "text"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject"]
    readonly_fields = [
        "topic",
        "name",
        "email",
        "text",
        "language",
        "consent_at",
        "created_at",
        "moderated_at",
        "moderated_by",
        "is_demo",
    ]
    fields = [*readonly_fields[:5], "status", *readonly_fields[5:]]

    has_moderate_permission = permission_check("commissions.moderate_contribution")

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        # The status is the moderation: changing it needs the moderation permission too.
        if self.has_moderate_permission(request):
            return self.readonly_fields
        return [*self.readonly_fields, "status"]

    @admin.display(description=_("text"))
    def excerpt(self, obj):
        return obj.text[:80] + ("…" if len(obj.text) > 80 else "")

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            services.moderate(Contribution.objects.filter(pk=obj.pk), obj.status, request.user)
            obj.refresh_from_db()
        else:
            super().save_model(request, obj, form, change)

    @admin.action(permissions=["moderate"], description=APPROVE)
    def approve(self, request, queryset):
        count = services.moderate(queryset, ContributionStatus.APPROVED, request.user)
        self.message_user(
            request,
            ngettext("%d contribution approved.", "%d contributions approved.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(permissions=["moderate"], description=REJECT)
    def reject(self, request, queryset):
        count = services.moderate(queryset, ContributionStatus.REJECTED, request.user)
        self.message_user(
            request,
            ngettext("%d contribution rejected.", "%d contributions rejected.", count) % count,
            messages.SUCCESS,
        )
