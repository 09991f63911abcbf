"""The title's words for the search's first part (torino_portal/search.py): per language, a
GIN index on (section, the title's lexemes — `ts_filter(rank_vector, '{a}')`, weight A), and
statistics on that expression, so the planner knows how common a word is in titles (from
`rank_vector`'s own statistics it would count summaries too, and walk every row for a word
common in summaries but rare in titles). Needs PostgreSQL 14+ (statistics on an expression).
No-op on SQLite."""

from django.db import migrations

LANGUAGES = ("it", "en")
TITLE = "ts_filter(rank_vector, '{a}')"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for code in LANGUAGES:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_document_title_{code} ON "
            f"torino_portal_searchdocument USING gin (section, ({TITLE})) "
            f"WHERE language = '{code}';"
        )
    schema_editor.execute(
        f"CREATE STATISTICS IF NOT EXISTS search_document_title_stats ON ({TITLE}) "
        "FROM torino_portal_searchdocument;"
    )
    schema_editor.execute("ANALYZE torino_portal_searchdocument;")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP STATISTICS IF EXISTS search_document_title_stats;")
    for code in LANGUAGES:
        schema_editor.execute(f"DROP INDEX IF EXISTS search_document_title_{code};")


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0010_search_date_indexes")]

    operations = [migrations.RunPython(create, drop)]
