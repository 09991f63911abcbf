"""Every admin action names a permission, and a view-only account can do nothing with any.

The walk goes through every ModelAdmin registered on the admin site (ours and the
libraries'), so an action added later without `permissions=` fails here.
"""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_permission_codename, get_user_model
from django.contrib.auth.models import Permission
from django.core import mail
from django.test import RequestFactory
from django.urls import reverse

from commissions.models import Contribution, ContributionStatus
from events.models import Event, Registration
from newsletter.models import Delivery, Newsletter, Subscriber
from tests.factories import make_page, make_site_page
from tests.factories_commissions import (
    make_contribution,
    make_document,
    make_meeting,
    make_person,
    make_topic,
)
from tests.factories_events import make_event, make_registration
from tests.factories_newsletter import make_interest, make_newsletter, make_subscriber
from tests.factories_press import make_clipping, make_issue, make_publication
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db

STANDARD = ("add", "change", "delete", "view")
OUR_APPS = {"torino_portal", "plans", "events", "commissions", "press", "newsletter", "staff"}


def registered():
    return sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


def actions_without_permission(modeladmin):
    """The names of the actions a ModelAdmin offers without naming a permission."""
    return [
        name
        for func, name, _description in modeladmin._get_base_actions()
        if not getattr(func, "allowed_permissions", None)
    ]


def required_permissions(modeladmin, func):
    """The "app_label.codename" permissions a user needs to be offered `func`."""
    opts = modeladmin.model._meta
    needed = []
    for name in func.allowed_permissions:
        if name in STANDARD:
            needed.append(f"{opts.app_label}.{get_permission_codename(name, opts)}")
        else:
            needed.append(getattr(modeladmin, f"has_{name}_permission").permission)
    return needed


def make_user(username, permissions=(), *, view_all=False):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", is_staff=True)
    if view_all:
        user.user_permissions.add(*Permission.objects.filter(codename__startswith="view_"))
    for label in permissions:
        app_label, codename = label.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)  # fresh: no cached permissions


def request_as(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


@pytest.fixture
def everything(settings, tmp_path):
    """One item of every content type, so each action has something to act on."""
    settings.MEDIA_ROOT = tmp_path
    make_site_page("home")
    make_page()
    meeting = make_meeting()
    make_person(meeting.commission)
    make_document(meeting)
    topic = make_topic(commission=meeting.commission)
    make_contribution(topic, status=ContributionStatus.PENDING)
    event = make_event(seats=1, registration_enabled=True)
    make_registration(event)
    make_registration(event, status="waiting")
    make_clipping()
    make_publication()
    make_issue()
    make_interest()
    subscriber = make_subscriber()
    newsletter = make_newsletter()
    Delivery.objects.create(newsletter=newsletter, subscriber=subscriber, status="failed")
    make_subscriber(status=Subscriber.Status.PENDING, confirmed_at=None)


def snapshot():
    """Every row of every model of the portal (and the admin's mail queue)."""
    models = [m for m in apps.get_models() if m._meta.app_label in OUR_APPS | {"post_office"}]
    return {m._meta.label: list(m._base_manager.order_by("pk").values()) for m in models}


def test_every_action_of_every_model_admin_names_a_permission():
    missing = {
        model._meta.label: actions_without_permission(modeladmin)
        for model, modeladmin in registered()
        if actions_without_permission(modeladmin)
    }
    assert missing == {}


def test_an_action_without_a_permission_is_caught():
    """The walk's own check: a new action that forgets `permissions=` is reported."""

    def careless(modeladmin, request, queryset):
        queryset.update(status=Status.PUBLISHED)

    # The decorator written as a call, so that a search of the sources for decorators
    # without `permissions=` finds only real actions.
    careless = admin.action(description="Forgot the permission")(careless)

    class CarelessAdmin(admin.ModelAdmin):
        actions = [careless]

    modeladmin = CarelessAdmin(Newsletter, admin.site)
    assert actions_without_permission(modeladmin) == ["careless"]


def test_every_custom_action_permission_names_the_django_permission_it_checks():
    """`has_<name>_permission` methods come from `permission_check`, so roles and this test
    know which permission row they stand for, and that row exists."""
    for model, modeladmin in registered():
        for func, name, _description in modeladmin._get_base_actions():
            for label in required_permissions(modeladmin, func):
                app_label, codename = label.split(".")
                assert Permission.objects.filter(
                    content_type__app_label=app_label, codename=codename
                ).exists(), (model, name, label)


def test_a_view_only_account_is_offered_no_action():
    viewer = make_user("viewer", view_all=True)
    offered = {
        model._meta.label: list(modeladmin.get_actions(request_as(viewer)))
        for model, modeladmin in registered()
    }
    assert {label: names for label, names in offered.items() if names} == {}


def test_posting_any_action_as_a_view_only_account_changes_nothing(client, everything):
    viewer = make_user("viewer", view_all=True)
    client.force_login(viewer)
    before = snapshot()
    mail.outbox.clear()
    for model, modeladmin in registered():
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        selected = [str(pk) for pk in model._base_manager.values_list("pk", flat=True)]
        for _func, name, _description in modeladmin._get_base_actions():
            response = client.post(
                url, {"action": name, "_selected_action": selected, "index": 0, "post": "yes"}
            )
            # The list again, as for an action that does not exist: nothing ran.
            assert response.status_code == 200, (opts.label, name)
            assert "csv" not in response.get("Content-Type", ""), (opts.label, name)
            assert not response.has_header("Content-Disposition"), (opts.label, name)
    assert snapshot() == before
    assert mail.outbox == []


def test_each_action_is_offered_to_an_account_with_its_permission():
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", None)
    for model, modeladmin in registered():
        for func, name, _description in modeladmin._get_base_actions():
            if name not in modeladmin.get_actions(request_as(superuser)):
                continue  # refused to everyone (e.g. no deleting subscribers: erase them)
            needed = required_permissions(modeladmin, func)
            opts = model._meta
            user = make_user(
                f"u-{opts.app_label}-{opts.model_name}-{name}"[:150],
                [f"{opts.app_label}.{get_permission_codename('view', opts)}", *needed],
            )
            assert name in modeladmin.get_actions(request_as(user)), (opts.label, name)


def test_export_and_erase_need_their_own_permission_not_just_change(client, everything):
    """`change` on subscribers or events is not enough to take addresses out or erase."""
    editor = make_user(
        "editor",
        [
            "newsletter.view_subscriber",
            "newsletter.change_subscriber",
            "events.view_event",
            "events.change_event",
            "events.view_registration",
            "events.change_registration",
        ],
    )
    request = request_as(editor)
    assert {"export_csv", "erase"}.isdisjoint(admin.site._registry[Subscriber].get_actions(request))
    assert "download_registrations" not in admin.site._registry[Event].get_actions(request)
    assert "download_csv" not in admin.site._registry[Registration].get_actions(request)


# The admin's own views that do things: guarded by the same permissions as the actions.


def test_view_only_account_is_refused_the_admin_views_that_do_things(client, everything):
    client.force_login(make_user("viewer", view_all=True))
    newsletter = Newsletter.objects.get()
    before = snapshot()
    assert client.get(reverse("admin:newsletter_subscriber_export")).status_code == 403
    assert client.get(reverse("admin:newsletter_subscriber_import")).status_code == 403
    assert client.post(reverse("admin:newsletter_subscriber_import")).status_code == 403
    assert (
        client.get(reverse("admin:newsletter_newsletter_send", args=[newsletter.pk])).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:newsletter_newsletter_send", args=[newsletter.pk])).status_code
        == 403
    )
    assert (
        client.post(reverse("admin:newsletter_newsletter_test", args=[newsletter.pk])).status_code
        == 403
    )
    assert snapshot() == before
    assert mail.outbox == []
    # Reading stays possible: the preview is what the view permission is for.
    preview = reverse("admin:newsletter_newsletter_preview", args=[newsletter.pk, "it"])
    assert client.get(preview).status_code == 200
    # … and the buttons for what it may not do are not shown.
    changelist = client.get(reverse("admin:newsletter_subscriber_changelist")).content.decode()
    assert reverse("admin:newsletter_subscriber_export") not in changelist
    assert reverse("admin:newsletter_subscriber_import") not in changelist
    change = client.get(reverse("admin:newsletter_newsletter_change", args=[newsletter.pk]))
    assert (
        reverse("admin:newsletter_newsletter_send", args=[newsletter.pk])
        not in change.content.decode()
    )


def test_the_admin_views_that_do_things_work_with_their_permission(client, everything):
    client.force_login(
        make_user(
            "sender",
            [
                "newsletter.view_subscriber",
                "newsletter.export_subscriber",
                "newsletter.import_subscriber",
                "newsletter.view_newsletter",
                "newsletter.send_newsletter",
            ],
        )
    )
    newsletter = Newsletter.objects.get()
    export = client.get(reverse("admin:newsletter_subscriber_export"))
    assert export.status_code == 200 and "csv" in export["Content-Type"]
    assert client.get(reverse("admin:newsletter_subscriber_import")).status_code == 200
    send = reverse("admin:newsletter_newsletter_send", args=[newsletter.pk])
    assert client.get(send).status_code == 200
    assert client.post(send).status_code == 302
    assert newsletter.deliveries.exists()


def test_contribution_status_is_read_only_without_the_moderation_permission(client, everything):
    contribution = Contribution.objects.get()
    client.force_login(
        make_user("clerk", ["commissions.view_contribution", "commissions.change_contribution"])
    )
    url = reverse("admin:commissions_contribution_change", args=[contribution.pk])
    client.post(url, {"status": ContributionStatus.APPROVED})
    contribution.refresh_from_db()
    assert contribution.status == ContributionStatus.PENDING
