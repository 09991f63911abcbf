"""History in the admin: each change listed with what changed, two versions compared side by
side, one restored, a deleted item brought back (issue 11; the records: `history.py`).

simple-history's admin gives the list and the "revert" form; this adds the comparison, the
list of deleted items and their recovery, and one check the library leaves out: its revert
form saves on POST for anyone who may merely *view* the history.
"""

import datetime

from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

# Bookkeeping that changes on every save: not what an editor compares.
NOT_COMPARED = {"updated_at", "created_at", "is_demo"}


def untranslated_names(model):
    """`title` when `title_it`/`title_en` exist: modeltranslation's shadow of the current
    language, which the per-language columns already show."""
    names = {field.name for field in model._meta.fields}
    return {name for name in names if f"{name}_it" in names}


def display(value):
    """A stored value as an editor reads it: rich text without its tags, lists joined."""
    if value is None or value == "":
        return "—"
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    return strip_tags(str(value)).strip() or "—"


class HistoryAdmin(SimpleHistoryAdmin):
    """simple-history's admin, with compare, recover and the revert permission."""

    object_history_template = "admin/history/object_history.html"
    object_history_list_template = "admin/history/object_history_list.html"
    object_history_form_template = "admin/history/object_history_form.html"

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        view = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/history/compare/",
                view(self.compare_view),
                name=f"{prefix}_history_compare",
            ),
            path("recover/", view(self.recover_list_view), name=f"{prefix}_recover_list"),
            path(
                "recover/<int:history_id>/",
                view(self.recover_view),
                name=f"{prefix}_recover",
            ),
            *super().get_urls(),
        ]

    def checked_id(self, value, field=None):
        """An id from the address as the field takes it, or a 404 (not a 500) for `abc`."""
        try:
            return (field or self.opts.pk).to_python(unquote(value))
        except (ValidationError, ValueError, TypeError):
            raise Http404 from None

    def history_view(self, request, object_id, extra_context=None):
        self.checked_id(object_id)
        return super().history_view(request, object_id, extra_context)

    # The revert form saves the version it shows: changing the item, not viewing it.
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self.checked_id(object_id)
        self.checked_id(version_id, self.model.history.model._meta.pk)
        if request.method == "POST" and not self.has_change_permission(request):
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def history_form_view_title(self, request, obj):
        if self.revert_disabled(request, obj):
            return _("Earlier version of “%(item)s”") % {"item": obj}
        return _("Restore an earlier version of “%(item)s”") % {"item": obj}

    def compared_fields(self):
        skip = NOT_COMPARED | untranslated_names(self.model)
        history_model = self.model.history.model
        return [
            field
            for field in history_model.tracked_fields
            if field.editable and field.name not in skip
        ] + [field for field in self.model._meta.many_to_many if hasattr(history_model, field.name)]

    def compare_view(self, request, object_id):
        """Two versions side by side: every field that differs, old and new."""
        object_id = self.checked_id(object_id)
        records = self.model.history.filter(**{self.opts.pk.attname: object_id})
        try:
            ids = sorted(int(request.GET[name]) for name in ("old", "new"))
        except (KeyError, ValueError):
            ids = list(records.order_by("-history_date").values_list("history_id", flat=True)[:2])
            ids.sort()
        if len(ids) != 2:
            raise Http404
        old = get_object_or_404(records, history_id=ids[0])
        new = get_object_or_404(records, history_id=ids[1])
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        fields = {field.name: field for field in self.compared_fields()}
        delta = new.diff_against(old, included_fields=list(fields), foreign_keys_are_objs=True)
        rows = []
        for change in delta.changes:
            field = self.opts.get_field(change.field)
            old_value, new_value = change.old, change.new
            if field.many_to_many:
                reverse_name = get_m2m_reverse_field_name(field)
                related = field.related_model._default_manager
                old_value = [
                    str(o) for o in related.filter(pk__in=[v[reverse_name] for v in old_value])
                ]
                new_value = [
                    str(o) for o in related.filter(pk__in=[v[reverse_name] for v in new_value])
                ]
            elif field.choices:
                choices = dict(field.flatchoices)
                old_value = choices.get(old_value, old_value)
                new_value = choices.get(new_value, new_value)
            rows.append(
                {
                    "label": capfirst(field.verbose_name),
                    "old": display(old_value),
                    "new": display(new_value),
                }
            )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Compare two versions of “%(item)s”") % {"item": new.instance},
            "object_id": object_id,
            "old": old,
            "new": new,
            "rows": rows,
            "history_url": reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[object_id]
            ),
            "can_revert": self.has_change_permission(request),
        }
        return TemplateResponse(request, "admin/history/compare.html", context)

    def deleted_records(self):
        """The last record of each deleted item that is still gone (newest first). A
        multi-table child's parent row (an event that was a meeting) is the child's to
        recover."""
        history = self.model.history
        pk_name = self.opts.pk.attname
        gone = history.filter(history_type="-").exclude(
            **{f"{pk_name}__in": self.model._default_manager.values("pk")}
        )
        for relation in self.opts.related_objects:
            child = relation.related_model
            if relation.one_to_one and relation.field.remote_field.parent_link:
                if hasattr(child, "history"):
                    child_pk = child._meta.pk.attname
                    gone = gone.exclude(
                        **{
                            f"{pk_name}__in": child.history.filter(history_type="-").values(
                                child_pk
                            )
                        }
                    )
        seen, latest = set(), []
        for record in gone.select_related("history_user").order_by("-history_date")[:500]:
            key = getattr(record, pk_name)
            if key not in seen:
                seen.add(key)
                latest.append(record)
        return latest

    def recover_list_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Deleted %(items)s") % {"items": self.opts.verbose_name_plural},
            "records": self.deleted_records(),
        }
        return TemplateResponse(request, "admin/history/recover_list.html", context)

    def recover_view(self, request, history_id):
        """GET: what comes back; POST: the item as it was when deleted, with its tags."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        record = get_object_or_404(self.model.history, history_id=history_id, history_type="-")
        pk_name = self.opts.pk.attname
        list_url = reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_recover_list")
        if self.model._default_manager.filter(pk=record.instance.pk).exists():
            messages.info(request, _("This item is already back."))
            return redirect(list_url)
        if request.method != "POST":
            context = {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": _("Recover “%(item)s”?") % {"item": record.instance},
                "record": record,
                "list_url": list_url,
            }
            return TemplateResponse(request, "admin/history/recover_confirm.html", context)
        instance = record.instance
        instance._history_user = request.user
        lost = [
            field
            for field in self.opts.concrete_fields
            if field.many_to_one
            and getattr(instance, field.attname) is not None
            and not field.related_model._base_manager.filter(
                pk=getattr(instance, field.attname)
            ).exists()
        ]
        if lost:
            messages.error(
                request,
                _(
                    "“%(item)s” cannot come back yet: its %(what)s was deleted too. Recover "
                    "that first, then this."
                )
                % {"item": instance, "what": ", ".join(str(f.verbose_name) for f in lost)},
            )
            return redirect(list_url)
        # The delete record is written after the tags are gone: take them from the last
        # version saved before it.
        tagged = (
            self.model.history.filter(
                **{pk_name: record.instance.pk}, history_date__lte=record.history_date
            )
            .exclude(history_type="-")
            .order_by("-history_date")
            .first()
        )
        try:
            with transaction.atomic():
                instance.save(force_insert=True)
                for field in record._history_m2m_fields if tagged else ():
                    reverse_name = get_m2m_reverse_field_name(field)
                    ids = getattr(tagged, field.name).values_list(reverse_name, flat=True)
                    getattr(instance, field.name).set(
                        field.related_model._default_manager.filter(pk__in=list(ids))
                    )
        except IntegrityError:
            messages.error(
                request,
                _(
                    "“%(item)s” cannot come back as it was: another item now has its address. "
                    "Change that item's address first."
                )
                % {"item": instance},
            )
            return redirect(list_url)
        self.log_addition(request, instance, [{"added": {}}])
        messages.success(request, _("“%(item)s” is back.") % {"item": instance})
        return redirect(
            reverse(
                f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[instance.pk]
            )
        )
