"""The authors line is translated ("a cura di …" / "edited by …"): the stored line becomes
the Italian one; the English one starts empty and falls back to it, marked lang="it"."""

from django.db import migrations, models

HELP = "As on the title page, e.g. “edited by A. Rossi and B. Bianchi”."


def copy_to_italian(apps, schema_editor):
    Publication = apps.get_model("press", "Publication")
    Publication.objects.filter(authors_it__isnull=True).update(authors_it=models.F("authors"))


class Migration(migrations.Migration):
    dependencies = [
        ("press", "0006_series_demo_mark"),
    ]

    operations = [
        migrations.AddField(
            model_name="publication",
            name=f"authors_{code}",
            field=models.CharField(
                blank=True,
                help_text=HELP,
                max_length=300,
                null=True,
                verbose_name="authors or editors",
            ),
        )
        for code in ("en", "it")
    ] + [migrations.RunPython(copy_to_italian, migrations.RunPython.noop)]
