"""Searching the material bank by words, in titles and descriptions of every language.

On PostgreSQL: full-text search. The document is each language's title and description stemmed in that
language, plus all of them unstemmed (the "simple" configuration); each word the user types becomes a prefix
query in the same four configurations, so "kaatumis" finds "kaatumisten ehkäisy" and "ehkäisyn" finds
"ehkäisy". The words are reduced to letters and digits before they reach to_tsquery, so no input can break
the query syntax. A GIN index over the same expression (migration 0003) keeps it fast. Materials with the
words in their title come first, then the newest (benchmarks/test_bench_materials_search.py has the numbers).

Elsewhere (SQLite, the embedded default): every word must appear in some title or description, ignoring case.
"""

import re
import unicodedata

from django.db import connections
from django.db.models import Case, Q, QuerySet, Value, When

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


def title_hits(words: list[str]):
    """How many of the words appear in a title: materials named after the search come first.

    Cheaper than ts_rank, which would compute the whole document of every match again (1.6 s for 7,000
    matches of 10,000 in benchmarks/); these are ILIKEs on three short columns.
    """
    hits = Value(0)
    for word in words:
        in_title = Q()
        for language in LANGUAGES:
            in_title |= Q(**{f"title_{language}__icontains": word})
        hits = hits + Case(When(in_title, then=Value(1)), default=Value(0))
    return hits


def search(materials: QuerySet, text: str, *, public_descriptions_only: bool = False) -> QuerySet:
    """The materials that match every word of `text` (on PostgreSQL, title matches first); all when no words.

    With `public_descriptions_only` (a visitor), a members-only material matches by its title alone: its
    description is not theirs to read, so it must not be searchable word by word either.
    """
    words = search_words(text)
    if not words:
        return materials
    public = Q(visibility=materials.model.Visibility.PUBLIC)
    if connections[materials.db].vendor == "postgresql":
        found = (
            materials.alias(document=document_vector())
            .filter(document=words_query(words))
            .alias(title_hits=title_hits(words))
        )
        if public_descriptions_only:
            found = found.filter(public | Q(title_hits=len(words)))
        return found.order_by("-title_hits", *materials.model._meta.ordering)
    for word in words:
        in_title, in_description = Q(), Q()
        for language in LANGUAGES:
            in_title |= Q(**{f"title_{language}__icontains": word})
            in_description |= Q(**{f"description_{language}__icontains": word})
        if public_descriptions_only:
            in_description &= public
        materials = materials.filter(in_title | in_description)
    return materials
