"""The staff roles (staff/roles.py, created by a data migration): each does its job in the
admin and is refused the rest. Superusers alone manage accounts."""

import csv
import io
from types import SimpleNamespace

import pytest
from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.forms import MultiWidget
from django.urls import reverse

from commissions.models import Contribution, ContributionStatus
from newsletter.models import Subscriber
from plans.models import Page
from staff.roles import EVENTI, MODERAZIONE, NEWSLETTER, REDAZIONE, ROLES, codenames, sync_roles
from tests.factories import make_page
from tests.factories_commissions import make_contribution, make_topic
from tests.factories_events import make_event, make_registration
from tests.factories_newsletter import make_newsletter, make_subscriber
from torino_portal.publishing import Status

pytestmark = pytest.mark.django_db

# Change lists that hold people's data or accounts, and the content every role but one lacks.
USERS = "/admin/auth/user/"
GROUPS = "/admin/auth/group/"
SUBSCRIBERS = "/admin/newsletter/subscriber/"
NEWSLETTERS = "/admin/newsletter/newsletter/"
REGISTRATIONS = "/admin/events/registration/"
CONTRIBUTIONS = "/admin/commissions/contribution/"
PAGES = "/admin/plans/page/"
EVENTS = "/admin/events/event/"
MAILS = "/admin/post_office/email/"


@pytest.fixture
def roles():
    """The groups as the migration made them; a browser test's flush empties every table,
    so they are made again the same way if a test before this one took them away."""
    if Group.objects.filter(name__in=ROLES).count() < len(ROLES):
        sync_roles(global_apps)


def member(role, username=None):
    user = get_user_model().objects.create_user(
        username or role.lower(), f"{role.lower()}@example.org", is_staff=True
    )
    user.groups.add(Group.objects.get(name=role))
    return user


def refused(client, *urls):
    return {url: client.get(url).status_code for url in urls} == {url: 403 for url in urls}


def change_form_data(response):
    """What the browser would send back from an admin change form, unchanged."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms += [inline.formset.management_form, *inline.formset.forms]
    data = {}
    for form in forms:
        for field in form:
            value, widget = field.value(), field.field.widget
            if isinstance(widget, MultiWidget):
                for index, part in enumerate(widget.decompress(value)):
                    if part is not None:
                        data[f"{field.html_name}_{index}"] = str(part)
            elif value is None or value is False or hasattr(value, "url"):
                continue
            elif value is True:
                data[field.html_name] = "on"
            elif isinstance(value, list | tuple):
                data[field.html_name] = [str(item) for item in value]
            else:
                data[field.html_name] = str(value)
    return data


def test_the_migration_made_the_four_roles_with_their_custom_permissions(roles):
    held = {
        group.name: {p.codename for p in group.permissions.all()}
        for group in Group.objects.filter(name__in=ROLES)
    }
    assert set(held) == {REDAZIONE, MODERAZIONE, NEWSLETTER, EVENTI}
    for name, grants in ROLES.items():
        wanted = {code for label, actions in grants.items() for code in codenames(label, actions)}
        assert held[name] == wanted, name  # every permission listed exists and is given
    assert "moderate_contribution" in held[MODERAZIONE]
    assert {"send_newsletter", "erase_subscriber", "export_subscriber"} <= held[NEWSLETTER]
    assert "export_registration" in held[EVENTI]
    # Least privilege: nobody but superusers touches accounts, groups, permissions or mails.
    for name in ROLES:
        assert not {c for c in held[name] if c.endswith(("_user", "_group", "_permission"))}
        assert not {c for c in held[name] if c.endswith(("_email", "_log", "_accessattempt"))}
    assert not {c for c in held[REDAZIONE] if c.endswith(("_subscriber", "_registration"))}
    assert not {c for c in held[REDAZIONE] if c.endswith("_contribution")}


def test_the_migration_creates_missing_permissions_itself_on_a_fresh_database():
    """post_migrate comes too late for a data migration: run the migration's function on the
    migration state with the custom permissions and groups gone, as on a fresh database."""
    custom = [code for grants in ROLES.values() for actions in grants.values() for code in actions]
    custom = [code for code in custom if code not in ("add", "change", "delete", "view")]
    Permission.objects.filter(codename__in=custom).delete()
    Group.objects.filter(name__in=ROLES).delete()
    state = MigrationExecutor(connection).loader.project_state(("staff", "0001_roles"))
    # RunPython hands the function a schema editor; only its connection is used.
    schema_editor = SimpleNamespace(connection=connection)
    sync_roles(state.apps, schema_editor)
    assert Permission.objects.filter(codename__in=custom).count() == len(set(custom))
    moderation = Group.objects.get(name=MODERAZIONE)
    assert moderation.permissions.filter(codename="moderate_contribution").exists()
    # Run again (a later migration re-syncing): nothing doubles.
    sync_roles(state.apps, schema_editor)
    assert Group.objects.filter(name__in=ROLES).count() == len(ROLES)


def test_redazione_edits_a_page_and_sees_no_people_data(client, roles):
    page = make_page(status=Status.DRAFT)
    client.force_login(member(REDAZIONE))
    url = reverse("admin:plans_page_change", args=[page.pk])
    data = change_form_data(client.get(url))
    data["title_it"] = "Titolo rivisto dalla redazione"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Page.objects.get(pk=page.pk).title_it == "Titolo rivisto dalla redazione"
    # Drafts are theirs to preview on the site.
    assert client.get(page.get_absolute_url()).status_code == 200
    assert client.get(EVENTS).status_code == 200
    assert refused(client, USERS, GROUPS, SUBSCRIBERS, NEWSLETTERS, REGISTRATIONS, CONTRIBUTIONS)
    assert refused(client, MAILS)


def test_moderazione_approves_a_contribution_and_nothing_else(client, roles):
    contribution = make_contribution(make_topic(), status=ContributionStatus.PENDING)
    page = make_page(status=Status.DRAFT)
    client.force_login(member(MODERAZIONE))
    response = client.post(
        CONTRIBUTIONS, {"action": "approve", "_selected_action": [contribution.pk]}
    )
    assert response.status_code == 302
    assert Contribution.objects.get(pk=contribution.pk).status == ContributionStatus.APPROVED
    assert refused(client, USERS, SUBSCRIBERS, NEWSLETTERS, REGISTRATIONS, PAGES, EVENTS)
    assert client.get(page.get_absolute_url()).status_code == 404  # no preview of pages


def test_newsletter_sends_exports_and_erases_and_nothing_else(client, roles):
    confirmed = [make_subscriber() for _n in range(3)]
    newsletter = make_newsletter()
    client.force_login(member(NEWSLETTER))
    send = reverse("admin:newsletter_newsletter_send", args=[newsletter.pk])
    assert client.post(send).status_code == 302
    assert newsletter.deliveries.count() == 3
    export = client.get(reverse("admin:newsletter_subscriber_export"))
    text = b"".join(export.streaming_content).decode("utf-8-sig")
    assert {s.email for s in confirmed} <= {row[0] for row in csv.reader(io.StringIO(text))}
    response = client.post(
        SUBSCRIBERS, {"action": "erase", "_selected_action": [confirmed[0].pk], "post": "yes"}
    )
    assert response.status_code == 302
    confirmed[0].refresh_from_db()
    assert confirmed[0].status == Subscriber.Status.ERASED
    assert refused(client, USERS, GROUPS, REGISTRATIONS, CONTRIBUTIONS, PAGES, EVENTS, MAILS)


def test_eventi_export_registrations_and_nothing_else(client, roles):
    event = make_event(registration_enabled=True, seats=10)
    make_registration(event, name="Ada Lovelace")
    client.force_login(member(EVENTI))
    response = client.post(
        REGISTRATIONS,
        {
            "action": "download_csv",
            "_selected_action": [pk for pk in event.registrations.values_list("pk", flat=True)],
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "Ada Lovelace" in response.content.decode("utf-8-sig")
    assert client.get(EVENTS).status_code == 200
    assert refused(client, USERS, GROUPS, SUBSCRIBERS, NEWSLETTERS, CONTRIBUTIONS, PAGES, MAILS)


def test_a_staff_account_without_a_role_sees_no_app(client, roles):
    client.force_login(get_user_model().objects.create_user("nobody", is_staff=True))
    assert client.get("/admin/").status_code == 200
    assert refused(client, USERS, SUBSCRIBERS, REGISTRATIONS, CONTRIBUTIONS, PAGES, EVENTS)
