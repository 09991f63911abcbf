"""Narrower rows still: the texts and the full vector are always kept out of the row (TOAST,
uncompressed for the vector, which hardly compresses), so the rows a search counts and ranks
hold little more than the title, the address and the small ranking vector."""

from django.db import migrations


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE torino_portal_searchdocument SET (toast_tuple_target = 128);"
        "ALTER TABLE torino_portal_searchdocument ALTER COLUMN vector SET STORAGE EXTERNAL;"
    )


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "ALTER TABLE torino_portal_searchdocument SET (toast_tuple_target = 256);"
        "ALTER TABLE torino_portal_searchdocument ALTER COLUMN vector SET STORAGE EXTENDED;"
    )


class Migration(migrations.Migration):
    dependencies = [("torino_portal", "0006_history")]

    operations = [migrations.RunPython(narrow, widen)]
