"""A GIN index for the full-text search of materials.search, on PostgreSQL only.

The expression is materials.search.document_vector() as Django compiles it; the planner uses the index only when
the query's expression is the same, which tests/materials/test_search_postgres.py checks. SQLite (the embedded
default) has no full-text search and gets no index.
"""

from django.db import migrations

INDEX_NAME = "materials_search_idx"

DOCUMENT_SQL = """
    to_tsvector('finnish'::regconfig, COALESCE(title_fi, '') || ' ' || COALESCE(description_fi, ''))
    || to_tsvector('swedish'::regconfig, COALESCE(title_sv, '') || ' ' || COALESCE(description_sv, ''))
    || to_tsvector('english'::regconfig, COALESCE(title_en, '') || ' ' || COALESCE(description_en, ''))
    || to_tsvector('simple'::regconfig, COALESCE(title_fi, '') || ' ' || COALESCE(title_sv, '') || ' '
        || COALESCE(title_en, '') || ' ' || COALESCE(description_fi, '') || ' ' || COALESCE(description_sv, '')
        || ' ' || COALESCE(description_en, ''))
"""
CREATE_SQL = f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON materials_material USING gin (({DOCUMENT_SQL}))"
DROP_SQL = f"DROP INDEX IF EXISTS {INDEX_NAME}"


def create_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_SQL)


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


class Migration(migrations.Migration):
    dependencies = [("materials", "0002_file_checks")]

    operations = [migrations.RunPython(create_search_index, drop_search_index)]
