"""Everyday comfort in the admin (issue 11): every content type has "view on site", the
publish / withdraw actions (with the change permission), autocomplete on the long foreign
keys, and the history links."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests.factories import make_staff
from tests.test_admin_italian import content
from torino_portal.admin import PublishableAdmin

pytestmark = pytest.mark.django_db

CONTENT_ADMINS = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if isinstance(model_admin, PublishableAdmin)
]
# Foreign keys to lists that grow (pages, commissions, sources, series, events).
LONG_FOREIGN_KEYS = {
    "plans.page": ["parent"],
    "commissions.meeting": ["commission"],
    "commissions.topic": ["commission"],
    "press.clipping": ["source"],
    "press.publication": ["series"],
    "events.registration": ["event"],
}


def test_every_content_type_is_covered():
    labels = {model._meta.label_lower for model, _admin in CONTENT_ADMINS}
    assert labels >= {
        "plans.plan",
        "plans.page",
        "plans.direction",
        "commissions.commission",
        "commissions.meeting",
        "commissions.topic",
        "events.event",
        "press.clipping",
        "press.publication",
        "press.issue",
        "newsletter.newsletter",
        "torino_portal.sitepage",
    }


def test_view_on_site_history_and_bulk_actions_everywhere(client):
    content()
    client.force_login(make_staff())
    for model, model_admin in CONTENT_ADMINS:
        opts = model._meta
        obj = model._default_manager.first()
        assert obj is not None, opts.label
        html = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        ).content.decode()
        assert "Vedi sul sito" in html and "Cronologia" in html, opts.label
        listing = client.get(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        ).content.decode()
        assert 'value="publish"' in listing and 'value="unpublish"' in listing, opts.label
        for name in ("publish", "unpublish"):
            assert getattr(model_admin, name).allowed_permissions == ["change"]


def test_long_foreign_keys_autocomplete():
    for label, fields in LONG_FOREIGN_KEYS.items():
        model_admin = next(
            a for m, a in admin.site._registry.items() if m._meta.label_lower == label
        )
        assert set(fields) <= set(model_admin.autocomplete_fields), label
