"""The mailing list in the admin: interests, subscribers (CSV in and out, erasure),
newsletters (preview, test, send, progress) and the delivery queue."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedDjangoJqueryTranslationAdmin

from torino_portal.admin import PublishableAdmin, permission_check
from torino_portal.privacy import erase_address

from . import csv_io, services
from .models import ConsentRecord, Delivery, Interest, Newsletter, Subscriber
from .sending import (
    UNSUBSCRIBE_PLACEHOLDER,
    newsletter_language,
    progress,
    queue_newsletter,
    recipients,
    render_newsletter,
    send_test,
)


@admin.register(Interest)
class InterestAdmin(TabbedDjangoJqueryTranslationAdmin):
    list_display = ["name", "key", "order"]
    list_editable = ["order"]
    search_fields = ["name", "key"]
    prepopulated_fields = {"key": ["name_it"]}


class ConsentRecordInline(admin.TabularInline):
    model = ConsentRecord
    fields = ["at", "action", "privacy_version", "how"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "UTF-8, with a header row: email (required), language (it/en), interests "
            "(keys separated by ';'). The same columns as the export."
        ),
    )


# Action labels kept apart so that each `@admin.action(permissions=…)` fits on one line.
ASK_TO_CONFIRM = _("Send the confirmation request to the selected pending addresses")
ERASE = _("Erase the selected people's data (GDPR request)")


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["__str__", "status", "language", "source", "confirmed_at", "created_at"]
    list_filter = ["status", "language", "source", "interests"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    fields = [
        "email",
        "language",
        "interests",
        "status",
        "source",
        "consent_at",
        "consent_version",
        "confirmed_at",
        "unsubscribed_at",
        "erased_at",
        "created_at",
    ]
    readonly_fields = [f for f in fields if f not in ("language", "interests")]
    filter_horizontal = ["interests"]
    inlines = [ConsentRecordInline]
    actions = ["export_csv", "ask_to_confirm", "erase"]
    change_list_template = "admin/newsletter/subscriber/change_list.html"

    # Addresses leave the portal, come in by the hundred or are erased for ever: each has a
    # permission of its own (Meta.permissions), given to the Newsletter role.
    has_export_permission = permission_check("newsletter.export_subscriber")
    has_import_permission = permission_check("newsletter.import_subscriber")
    has_erase_permission = permission_check("newsletter.erase_subscriber")

    def has_add_permission(self, request):
        # Only the person adds an address (form + confirmation), or staff by CSV import.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting would forget an unsubscribe; erasure keeps the hash that honours it.
        return False

    def get_urls(self):
        return [
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="newsletter_subscriber_import",
            ),
            path(
                "export/",
                self.admin_site.admin_view(self.export_all),
                name="newsletter_subscriber_export",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "can_export": self.has_export_permission(request),
            "can_import": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context)

    @admin.action(permissions=["export"], description=_("Export the selected subscribers as CSV"))
    def export_csv(self, request, queryset):
        return csv_io.export_response(queryset)

    def export_all(self, request):
        if not self.has_export_permission(request):
            raise PermissionDenied
        return csv_io.export_response(Subscriber.objects.all())

    def import_view(self, request):
        if not self.has_import_permission(request):
            raise PermissionDenied
        report = None
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            report = csv_io.import_subscribers(form.cleaned_data["file"])
            if report.created:
                messages.success(
                    request,
                    ngettext(
                        "%d address imported, waiting for confirmation.",
                        "%d addresses imported, waiting for confirmation.",
                        report.created,
                    )
                    % report.created,
                )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Import subscribers from CSV"),
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/newsletter/subscriber/import.html", context)

    @admin.action(permissions=["change"], description=ASK_TO_CONFIRM)
    def ask_to_confirm(self, request, queryset):
        sent = 0
        for subscriber in queryset.filter(status=Subscriber.Status.PENDING).iterator():
            if services.take_mail_slot(subscriber) and services.send_confirmation(subscriber):
                sent += 1
        self.message_user(
            request,
            ngettext("%d confirmation request sent.", "%d confirmation requests sent.", sent)
            % sent,
            messages.SUCCESS,
        )

    @admin.action(permissions=["erase"], description=ERASE)
    def erase(self, request, queryset):
        """First a page that lists the people and what goes (like Django's delete
        confirmation); the erasure itself on its POST."""
        people = list(queryset.exclude(status=Subscriber.Status.ERASED))
        if request.POST.get("post") != "yes":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": _("Erase these people's data?"),
                "people": people,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
                "media": self.media,
            }
            return TemplateResponse(
                request, "admin/newsletter/subscriber/erase_confirmation.html", context
            )
        count = 0
        for subscriber in people:
            # Every row that holds the address: registrations, forum contributions,
            # stored mails, and the subscriber (reduced to the hash and the trail).
            erase_address(subscriber.email)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%d person's data erased: only a hash of the address is kept, so that "
                "the address is never written to again without a new subscription.",
                "%d people's data erased: only a hash of each address is kept, so that "
                "the addresses are never written to again without a new subscription.",
                count,
            )
            % count,
            messages.SUCCESS,
        )


@admin.register(Newsletter)
class NewsletterAdmin(PublishableAdmin):
    list_display = [
        "subject",
        "status",
        "published_at",
        "queued_at",
        "sent_count",
        "failed_count",
        "pending_count",
        "demo_mark",
    ]
    search_fields = ["subject", "body"]
    date_hierarchy = "published_at"
    readonly_fields = ["queued_at", "delivery_progress", *PublishableAdmin.readonly_fields]
    fieldsets = [
        (None, {"fields": ["subject", "body", "interests"]}),
        (_("Sending"), {"fields": ["queued_at", "delivery_progress"]}),
        (
            _("Public archive"),
            {"fields": ["status", "published_at", "is_demo", "created_at", "updated_at"]},
        ),
    ]
    change_form_template = "admin/newsletter/newsletter/change_form.html"

    # Mail to the whole list (or a test of it) is more than editing the text.
    has_send_permission = permission_check("newsletter.send_newsletter")

    def render_change_form(self, request, context, *args, **kwargs):
        context["can_send"] = self.has_send_permission(request)
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "interests":
            kwargs["widget"] = forms.CheckboxSelectMultiple
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def get_queryset(self, request):
        by_status = {
            f"_{status}": Count("deliveries", filter=Q(deliveries__status=status))
            for status in ("sent", "failed", "pending")
        }
        return super().get_queryset(request).annotate(**by_status)

    @admin.display(description=_("Sent"), ordering="_sent")
    def sent_count(self, obj):
        return obj._sent

    @admin.display(description=_("Failed"), ordering="_failed")
    def failed_count(self, obj):
        return obj._failed

    @admin.display(description=_("Pending"), ordering="_pending")
    def pending_count(self, obj):
        return obj._pending

    @admin.display(description=_("progress"))
    def delivery_progress(self, obj):
        if obj.pk is None:
            return "—"
        counts = progress(obj)
        url = reverse("admin:newsletter_delivery_changelist") + f"?newsletter__id__exact={obj.pk}"
        summary = (
            _(
                "%(sent)d sent, %(pending)d waiting, %(failed)d failed, %(skipped)d not sent "
                "(unsubscribed meanwhile)"
            )
            % counts
        )
        return format_html('{} — <a href="{}">{}</a>', summary, url, _("deliveries and errors"))

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/preview/<str:language>/",
                view(self.preview_view),
                name="newsletter_newsletter_preview",
            ),
            path("<int:pk>/test/", view(self.test_view), name="newsletter_newsletter_test"),
            path("<int:pk>/send/", view(self.send_view), name="newsletter_newsletter_send"),
            *super().get_urls(),
        ]

    def _newsletter(self, request, pk):
        newsletter = get_object_or_404(Newsletter, pk=pk)
        if not self.has_view_permission(request, newsletter):
            raise PermissionDenied
        return newsletter

    def preview_view(self, request, pk, language):
        """The mail exactly as a subscriber reading `language` receives it."""
        newsletter = self._newsletter(request, pk)
        if language not in ("it", "en"):
            language = "it"
        # What those subscribers get: Italian when the English text is missing.
        _subject, html, text = render_newsletter(
            newsletter, newsletter_language(newsletter, language)
        )
        if request.GET.get("format") == "text":
            return HttpResponse(text, content_type="text/plain; charset=utf-8")
        return HttpResponse(html.replace(UNSUBSCRIBE_PLACEHOLDER, "#"))

    def test_view(self, request, pk):
        newsletter = self._newsletter(request, pk)
        if not self.has_send_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:newsletter_newsletter_change", args=[pk])
        if request.method != "POST":
            return redirect(change_url)
        if not request.user.email:
            messages.error(request, _("Your staff account has no e-mail address."))
            return redirect(change_url)
        count = send_test(newsletter, request.user.email)
        messages.success(
            request,
            ngettext(
                "%(count)d test queued for %(address)s: the mail worker sends it within a "
                "minute (Post office in this admin shows it).",
                "%(count)d tests (one per language) queued for %(address)s: the mail worker "
                "sends them within a minute (Post office in this admin shows them).",
                count,
            )
            % {"count": count, "address": request.user.email},
        )
        return redirect(change_url)

    def send_view(self, request, pk):
        """GET: how many people it will reach; POST: queue (idempotent)."""
        newsletter = self._newsletter(request, pk)
        if not self.has_send_permission(request):
            raise PermissionDenied
        if request.method == "POST":
            added = queue_newsletter(newsletter)
            if added:
                messages.success(
                    request,
                    ngettext(
                        "%d delivery queued: the sender sends it within minutes.",
                        "%d deliveries queued: the sender sends them within minutes.",
                        added,
                    )
                    % added,
                )
            else:
                messages.warning(
                    request,
                    _("Nothing new to queue: every recipient already has this newsletter."),
                )
            return redirect(reverse("admin:newsletter_newsletter_change", args=[pk]))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Send “%(subject)s”") % {"subject": newsletter.subject},
            "newsletter": newsletter,
            "recipients": recipients(newsletter).count(),
            "queued": newsletter.deliveries.count(),
        }
        return TemplateResponse(request, "admin/newsletter/newsletter/send.html", context)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["subscriber", "newsletter", "status", "attempts", "sent_at", "last_error"]
    list_filter = ["status", "newsletter"]
    list_select_related = ["subscriber", "newsletter"]
    search_fields = ["subscriber__email"]
    readonly_fields = [
        "newsletter",
        "subscriber",
        "status",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "last_error",
    ]
    actions = ["retry"]

    # Retrying sends mail again: the same permission as sending.
    has_send_permission = permission_check("newsletter.send_newsletter")

    def has_add_permission(self, request):
        return False

    @admin.action(permissions=["send"], description=_("Try the selected failed deliveries again"))
    def retry(self, request, queryset):
        count = queryset.filter(status=Delivery.Status.FAILED).update(
            status=Delivery.Status.PENDING, attempts=0, next_attempt_at=None
        )
        self.message_user(
            request,
            ngettext("%d delivery queued again.", "%d deliveries queued again.", count) % count,
            messages.SUCCESS,
        )
