"""Search indexes a query can stop early on: one GIN index per language on (section, vector)
and on (section, rank_vector), with `btree_gin` for the section.

Per language, because every row's vector also holds the other language's text: a single
index hands half of its matches to a filter that throws them away, and a phrase or an
exclusion (rechecked on the full, out-of-row vector) reads them all. With the section in the
index, a section's count can stop at `COUNT_LIMIT + 1` rows and a section filter reads only its
own rows; the `rank_vector` index finds the title and summary matches, the only ones ranked
(torino_portal/search.py). Each step is a no-op on SQLite.
"""

from django.contrib.postgres.operations import BtreeGinExtension
from django.db import migrations

LANGUAGES = ("it", "en")
COLUMNS = {"vector": "search_document_vector", "rank_vector": "search_document_rank"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, name in COLUMNS.items():
        for code in LANGUAGES:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS {name}_{code} ON torino_portal_searchdocument "
                f"USING gin (section, {column}) WHERE language = '{code}';"
            )
    schema_editor.execute("DROP INDEX IF EXISTS search_document_vector;")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_vector ON "
        "torino_portal_searchdocument USING gin (vector);"
    )
    for name in COLUMNS.values():
        for code in LANGUAGES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}_{code};")


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0008_editor_help_texts")]

    operations = [BtreeGinExtension(), migrations.RunPython(create, drop)]
