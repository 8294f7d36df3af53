"""SQLite: an FTS5 table over the stems, so the database engine looks terms up instead of scanning text."""

from django.db import migrations

TABLE = "search_searchdocument_fts"


def create_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    # detail=none: the engine asks only whether terms occur (no phrases), which keeps the index small.
    schema_editor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(stems, detail=none)")
    schema_editor.execute(f"INSERT INTO {TABLE}(rowid, stems) SELECT page_id, stems FROM search_searchdocument")


def drop_fts_table(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    dependencies = [("search", "0003_editor_search_permissions")]
    operations = [migrations.RunPython(create_fts_table, drop_fts_table)]
