from django.db import migrations

import torino_portal.richtext

HELP = (
    "Everything said in the recording, for people who cannot hear it (WCAG 1.2.1): shown under "
    "the player. Every audio or video file needs one."
)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_deduplicate_slugs"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name=f"transcript{suffix}",
            field=torino_portal.richtext.RichTextField(
                blank=True, help_text=HELP, verbose_name="transcript", **extra
            ),
        )
        for suffix, extra in [("", {}), ("_it", {"null": True}), ("_en", {"null": True})]
    ]
