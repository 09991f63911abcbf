"""Before the slug constraints (next migration): give `-2`, `-3`… to repeated slugs."""

from django.db import migrations

from torino_portal.slugs import deduplicate_slugs


def deduplicate(apps, schema_editor):
    deduplicate_slugs(apps.get_model("commissions", "Commission"), lambda row: None)
    deduplicate_slugs(apps.get_model("commissions", "Topic"), lambda row: row["commission_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("commissions", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(deduplicate, migrations.RunPython.noop),
    ]
