"""Search lemmas (search/fields.py): two lemma texts, the generated tsvectors and the GIN index.

The index exists on PostgreSQL only (SQLite, the embedded default, has no tsvector; search/query.py searches the
text there). The lemmas of existing rows are computed here; `manage.py rebuild_search_index` does it again.
"""

from django.db import migrations, models

import search.fields

INDEX_NAME = "materials_material_search_idx"
CREATE_SQL = f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON materials_material USING gin (search_document)"
DROP_SQL = f"DROP INDEX IF EXISTS {INDEX_NAME}"
# Keep the vectors in the row (compressed if need be) rather than in the TOAST table, where the long texts go:
# a search that matches most rows reads each vector, and a TOAST fetch per row made that three times slower.
STORAGE_SQL = (
    "ALTER TABLE materials_material ALTER COLUMN search_document SET STORAGE MAIN, "
    "ALTER COLUMN search_title_document SET STORAGE MAIN"
)

# The expression index of 0003 (stemmed full text) gives way to the lemma column's index.
OLD_INDEX_SQL = "DROP INDEX IF EXISTS materials_search_idx"


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(STORAGE_SQL)
        schema_editor.execute(CREATE_SQL)
        schema_editor.execute(OLD_INDEX_SQL)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


def fill_lemmas(apps, schema_editor):
    from search.documents import rebuild

    rebuild(apps.get_model("materials", "material"))


class Migration(migrations.Migration):
    dependencies = [("materials", "0004_ordering_indexes")]

    operations = [
        migrations.AddField(
            model_name="material",
            name="search_title",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="search title lemmas"),
        ),
        migrations.AddField(
            model_name="material",
            name="search_text",
            field=models.TextField(blank=True, default="", editable=False, verbose_name="search text lemmas"),
        ),
        migrations.AddField(
            model_name="material",
            name="search_document",
            field=models.GeneratedField(
                db_persist=True,
                editable=False,
                expression=search.fields.LemmaVector("search_title", "search_text"),
                output_field=search.fields.SearchDocumentField(),
            ),
        ),
        migrations.AddField(
            model_name="material",
            name="search_title_document",
            field=models.GeneratedField(
                db_persist=True,
                editable=False,
                expression=search.fields.LemmaVector("search_title"),
                output_field=search.fields.SearchDocumentField(),
            ),
        ),
        migrations.RunPython(create_search_index, drop_search_index),
        migrations.RunPython(fill_lemmas, migrations.RunPython.noop),
    ]
