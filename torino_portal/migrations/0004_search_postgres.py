"""PostgreSQL's side of the site search: `unaccent`, the two text search configurations that
combine it with the Italian and English stemmers, and the GIN index on the vectors.

Every step is a no-op on SQLite, whose search is a plain substring fallback.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# `city`, `città` and `citta` meet: unaccent runs before the language's stemmer.
CONFIGURATIONS = {"italian_unaccent": "italian", "english_unaccent": "english"}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, language in CONFIGURATIONS.items():
        schema_editor.execute(
            f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};"
            f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {language});"
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {language}_stem;"
        )
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_vector ON "
        "torino_portal_searchdocument USING gin (vector);"
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_document_vector;")
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name};")


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0003_search_document")]

    operations = [UnaccentExtension(), migrations.RunPython(create, drop)]
