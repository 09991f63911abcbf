"""A small ranking vector, and a narrow table: the big columns (body, other language's text,
full vector) are moved out of the row (TOAST) once a row passes 256 bytes, so counting and
ranking thousands of matches reads a few megabytes of rows, not the whole text."""

import django.contrib.postgres.search
from django.db import migrations


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE torino_portal_searchdocument SET (toast_tuple_target = 256);"
        "ALTER TABLE torino_portal_searchdocument ALTER COLUMN rank_vector SET STORAGE MAIN;"
    )


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE torino_portal_searchdocument RESET (toast_tuple_target);")


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0004_search_postgres")]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(narrow, widen),
    ]
