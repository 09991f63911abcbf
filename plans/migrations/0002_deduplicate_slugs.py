"""Before the slug constraints (next migration): give `-2`, `-3`… to repeated slugs."""

from django.db import migrations

from torino_portal.slugs import deduplicate_slugs


def page_scope(row):
    """Siblings: the same parent, or the plan's top level."""
    return ("parent", row["parent_id"]) if row["parent_id"] else ("plan", row["plan_id"])


def deduplicate(apps, schema_editor):
    deduplicate_slugs(apps.get_model("plans", "Page"), page_scope)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(deduplicate, migrations.RunPython.noop),
    ]
