"""The staff roles (groups Redazione, Moderazione, Newsletter, Eventi): see staff/roles.py."""

from django.db import migrations

from staff.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("torino_portal", "0001_initial"),
        ("plans", "0001_initial"),
        # The migrations that add the custom permissions the roles hold.
        ("events", "0006_unique_slugs"),
        ("commissions", "0004_unique_slugs"),
        ("press", "0001_initial"),
        ("newsletter", "0002_custom_permissions"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
