"""Before the slug constraints (next migration): give `-2`, `-3`… to repeated slugs."""

import zoneinfo

from django.conf import settings
from django.db import migrations

from torino_portal.slugs import deduplicate_slugs


def deduplicate(apps, schema_editor):
    zone = zoneinfo.ZoneInfo(settings.TIME_ZONE)  # the day as addresses (and LocalDate) count it
    deduplicate_slugs(
        apps.get_model("events", "Event"), lambda row: row["start"].astimezone(zone).date()
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0003_registration_confirms_the_address"),
    ]

    operations = [
        migrations.RunPython(deduplicate, migrations.RunPython.noop),
    ]
