"""Searching the material bank by words, in titles and descriptions of every language.

On PostgreSQL: full-text search. The document is each language's title and description stemmed in that
language, plus all of them unstemmed (the "simple" configuration); each word the user types becomes a prefix
query in the same four configurations, so "kaatumis" finds "kaatumisten ehkäisy" and "ehkäisyn" finds
"ehkäisy". The words are reduced to letters and digits before they reach to_tsquery, so no input can break
the query syntax. A GIN index over the same expression (migration 0003) keeps it fast.

Elsewhere (SQLite, the embedded default): every word must appear in some title or description, ignoring case.
"""

import re
import unicodedata

from django.db import connections
from django.db.models import Q, QuerySet

MAX_WORDS = 8
MAX_WORD_LENGTH = 60
WORD = re.compile(r"[^\W_]+")
# The language of each translated column, and the text search configuration that stems it.
STEMMED = (("fi", "finnish"), ("sv", "swedish"), ("en", "english"))
QUERY_CONFIGS = ("finnish", "swedish", "english", "simple")
LANGUAGES = ("fi", "sv", "en")
SEARCHED_FIELDS = tuple(f"{field}_{language}" for field in ("title", "description") for language in LANGUAGES)


def search_words(text: str) -> list[str]:
    """The words of a search, lower-cased, letters and digits only, at most MAX_WORDS of them."""
    normalized = unicodedata.normalize("NFC", text or "").lower()
    words = []
    for word in WORD.findall(normalized):
        word = word[:MAX_WORD_LENGTH]
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def document_vector():
    """The text search document of a material (PostgreSQL). Migration 0003 indexes this same expression."""
    from django.contrib.postgres.search import SearchVector

    vector = None
    for language, config in STEMMED:
        part = SearchVector(f"title_{language}", f"description_{language}", config=config)
        vector = part if vector is None else vector + part
    return vector + SearchVector(*SEARCHED_FIELDS, config="simple")


def words_query(words: list[str]):
    """Every word, as a prefix, in every configuration: (w1 in any) AND (w2 in any) ... (PostgreSQL)."""
    from django.contrib.postgres.search import SearchQuery

    query = None
    for word in words:
        any_config = None
        for config in QUERY_CONFIGS:
            part = SearchQuery(f"{word}:*", search_type="raw", config=config)
            any_config = part if any_config is None else any_config | part
        query = any_config if query is None else query & any_config
    return query


def search(materials: QuerySet, text: str) -> QuerySet:
    """The materials that match every word of `text`, best matches first on PostgreSQL; all when no words."""
    words = search_words(text)
    if not words:
        return materials
    if connections[materials.db].vendor == "postgresql":
        from django.contrib.postgres.search import SearchRank

        vector, query = document_vector(), words_query(words)
        return (
            materials.alias(document=vector)
            .filter(document=query)
            .alias(rank=SearchRank(vector, query))
            .order_by("-rank", *materials.model._meta.ordering)
        )
    for word in words:
        any_field = Q()
        for field in SEARCHED_FIELDS:
            any_field |= Q(**{f"{field}__icontains": word})
        materials = materials.filter(any_field)
    return materials
