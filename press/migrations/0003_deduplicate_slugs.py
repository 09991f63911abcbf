"""Before the slug constraints (next migration): give `-2`, `-3`… to repeated slugs."""

from django.db import migrations

from torino_portal.slugs import deduplicate_slugs


def deduplicate(apps, schema_editor):
    deduplicate_slugs(apps.get_model("press", "Publication"), lambda row: None)


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0002_clipping_commissions"),
    ]

    operations = [
        migrations.RunPython(deduplicate, migrations.RunPython.noop),
    ]
