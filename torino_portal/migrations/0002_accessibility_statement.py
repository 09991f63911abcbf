from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("torino_portal", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sitepage",
            name="key",
            field=models.CharField(
                choices=[
                    ("home", "Home page introduction"),
                    ("help", "Help"),
                    ("contacts", "Contacts"),
                    ("privacy", "Privacy notice"),
                    ("accessibility", "Accessibility statement"),
                ],
                max_length=20,
                unique=True,
                verbose_name="page",
            ),
        ),
    ]
