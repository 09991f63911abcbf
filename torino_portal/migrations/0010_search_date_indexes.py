"""Indexes that serve the search's order (torino_portal/search.py): per language, rows newest
first, and a section's rows newest first. A common word's results and counts are read by
walking them until the page (or the count limit) is reached, instead of ranking every match.
No-op on SQLite."""

from django.db import migrations

LANGUAGES = ("it", "en")
INDEXES = {
    "search_document_date": "date DESC NULLS LAST, id",
    "search_document_section_date": "section, date DESC NULLS LAST, id",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, columns in INDEXES.items():
        for code in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name}_{code} ON torino_portal_searchdocument "
                f"({columns}) WHERE language = '{code}';"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        for code in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}_{code};")


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0009_search_section_indexes")]

    operations = [migrations.RunPython(create, drop)]
