"""The Agenda kinds of the meeting formats (slug = the format), made once here.

`Meeting.save()` only looks its kind up; `content/agenda/kinds.toml` (load_content) holds the
same rows with the same names, and adding them twice changes nothing. An existing kind with
one of these slugs is left as it is (staff may have renamed it).
"""

from django.db import migrations

# (slug, Italian name, English name, order)
KINDS = [
    ("forum", "Forum", "Forum", 10),
    ("workshop", "Workshop", "Workshop", 11),
    ("consultation-day", "Giornata di consultazione", "Consultation day", 12),
    ("conference", "Convegno", "Conference", 1),
]


def add_kinds(apps, schema_editor):
    EventKind = apps.get_model("events", "EventKind")
    for slug, name_it, name_en, order in KINDS:
        EventKind.objects.get_or_create(
            slug=slug,
            defaults={"name": name_it, "name_it": name_it, "name_en": name_en, "order": order},
        )


class Migration(migrations.Migration):
    dependencies = [
        ("commissions", "0006_history"),
        ("events", "0008_history"),
    ]

    # Backwards: the rows stay (events may use them).
    operations = [migrations.RunPython(add_kinds, migrations.RunPython.noop)]
