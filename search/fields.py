"""The columns that hold a row's search lemmas, shared by materials, events and networks.

`search_title` and `search_text` hold the lemma text (search.lemmas.document_text) of the row's titles and of the
rest (summaries, descriptions, focus areas), written whenever the row is saved (search.signals). On PostgreSQL,
two stored generated columns turn them into tsvectors of the 'simple' configuration (the lemmas are already
lemmas: no stemming on top): `search_document` (everything; matched over a GIN index, created by each app's
migration) and `search_title_document` (titles only, small: ts_rank over it orders the results, and a visitor's
search of members-only materials matches it alone). Ranking over the titles' vector rather than the whole
document halves the time for a search that matches most rows (benchmarks/). On SQLite (the embedded default)
the generated columns are plain text, searched with `contains`. The migrations keep both vectors in the row
(STORAGE MAIN) rather than in the TOAST table with the long texts: reading them there tripled the time of a
search that matches most rows.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocumentField(SearchVectorField):
    """A tsvector on PostgreSQL (`field=SearchQuery(...)` is `@@`), plain text elsewhere (SQLite has none)."""

    def db_type(self, connection):
        return "tsvector" if connection.vendor == "postgresql" else "text"


class LemmaVector(models.Func):
    """A generated column's expression: the lemma texts as a tsvector (PostgreSQL) or as one text (SQLite)."""

    output_field = SearchDocumentField()

    def _columns(self, compiler):
        return [f"COALESCE({compiler.compile(expression)[0]}, '')" for expression in self.get_source_expressions()]

    def as_postgresql(self, compiler, connection, **extra):
        # Literal SQL without parameters: a generated column's expression is DDL; to_tsvector with an explicit
        # regconfig is immutable, as a generated column requires. 'simple': the lemmas are already lemmas.
        text = " || ' ' || ".join(self._columns(compiler))
        return f"to_tsvector('simple'::regconfig, {text})", []

    def as_sql(self, compiler, connection, **extra):
        return f"({' || '.join(self._columns(compiler))})", []


def _generated(*columns):
    return models.GeneratedField(
        expression=LemmaVector(*columns), output_field=SearchDocumentField(), db_persist=True, editable=False
    )


def search_fields():
    """The four fields every searchable model declares (call in the class body, unpack into locals)."""
    return (
        models.TextField("search title lemmas", blank=True, default="", editable=False),
        models.TextField("search text lemmas", blank=True, default="", editable=False),
        _generated("search_title", "search_text"),
        _generated("search_title"),
    )
