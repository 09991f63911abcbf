# The permissions the admin's actions and views check (send, export, import, erase).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="newsletter",
            options={
                "get_latest_by": "published_at",
                "ordering": ["-published_at", "-pk"],
                "permissions": [("send_newsletter", "Can send a newsletter (and tests of it)")],
                "verbose_name": "newsletter",
                "verbose_name_plural": "newsletters",
            },
        ),
        migrations.AlterModelOptions(
            name="subscriber",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": [
                    ("export_subscriber", "Can export subscribers' addresses (CSV)"),
                    ("import_subscriber", "Can import subscribers' addresses (CSV)"),
                    ("erase_subscriber", "Can erase a subscriber's data (GDPR)"),
                ],
                "verbose_name": "subscriber",
                "verbose_name_plural": "subscribers",
            },
        ),
    ]
