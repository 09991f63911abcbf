"""The staff roles: Django groups, each with the least a job needs (issue 11).

Superusers alone manage user accounts, groups and the mail queue; nobody else gets their
permissions. The custom permissions the admin actions check (send a newsletter, erase or
export subscribers, export registrations, moderate contributions) belong to one role each.

`sync_roles(apps)` makes each group hold exactly the permissions listed here. A data
migration calls it; after changing `ROLES` (or adding a content type a role should edit),
add a migration that runs it again:

    migrations.RunPython(sync_roles, migrations.RunPython.noop)  # from staff.roles
"""

from django.contrib.auth.management import create_permissions

EDIT = ("add", "change", "delete", "view")

REDAZIONE = "Redazione"
MODERAZIONE = "Moderazione"
NEWSLETTER = "Newsletter"
EVENTI = "Eventi"

# {group name: {"app_label.model": (actions, or the codename of a custom permission)}}
ROLES = {
    # Every content type of the public site; no accounts, no subscribers, no registrations,
    # no forum contributions (those hold people's addresses).
    REDAZIONE: {
        "torino_portal.sitepage": EDIT,
        "plans.plan": EDIT,
        "plans.page": EDIT,
        "plans.direction": EDIT,
        "commissions.commission": EDIT,
        "commissions.person": EDIT,
        "commissions.meeting": EDIT,
        "commissions.document": EDIT,
        "commissions.topic": EDIT,
        "events.event": EDIT,
        "events.eventkind": EDIT,
        "events.attachment": EDIT,
        "press.source": EDIT,
        "press.clipping": EDIT,
        "press.series": EDIT,
        "press.publication": EDIT,
        "press.issue": EDIT,
    },
    # The online forum's pre-moderation: approve or reject, nothing else.
    MODERAZIONE: {
        "commissions.contribution": ("view", "change", "moderate_contribution"),
        "commissions.topic": ("view",),
    },
    # The mailing list: newsletters written, tested and sent; subscribers looked after
    # (confirmation requests, CSV in and out, GDPR erasure); failed deliveries retried.
    NEWSLETTER: {
        "newsletter.newsletter": (*EDIT, "send_newsletter"),
        "newsletter.interest": EDIT,
        "newsletter.subscriber": (
            "view",
            "change",
            "export_subscriber",
            "import_subscriber",
            "erase_subscriber",
        ),
        "newsletter.consentrecord": ("view",),
        "newsletter.delivery": ("view", "change"),
    },
    # The Agenda and its sign-ups: events, their files, registrations and their export.
    EVENTI: {
        "events.event": EDIT,
        "events.attachment": EDIT,
        "events.eventkind": ("view",),
        "events.registration": (*EDIT, "export_registration"),
    },
}


def codenames(model_label, actions):
    """The permission codenames of `actions` on "app_label.model" (custom ones as given)."""
    model = model_label.split(".")[1]
    return [f"{action}_{model}" if action in EDIT else action for action in actions]


def sync_roles(apps, schema_editor=None):
    """Create the groups and give each exactly the permissions of `ROLES`.

    Permissions are normally created after `migrate` (post_migrate), too late for a data
    migration on a fresh database, so the missing ones are created here first from the
    migration state (`create_permissions` with the historical app registry).
    """
    using = schema_editor.connection.alias if schema_editor else "default"
    for app_config in apps.get_app_configs():
        # create_permissions skips an app without `models_module`, which the migration
        # state's stand-in app configs never have.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = models_module
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, grants in ROLES.items():
        wanted = []
        for model_label, actions in grants.items():
            app_label, model = model_label.split(".")
            found = Permission.objects.using(using).filter(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=codenames(model_label, actions),
            )
            wanted += list(found)
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(wanted)
