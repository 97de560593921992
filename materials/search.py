"""Searching the material bank by words: the site search's lemma search (search/query.py) over materials.

Finnish words are matched by their lemmas (Voikko), Swedish and English ones by their Snowball stems, in the
titles and descriptions of every language, best matches first. A visitor finds a members-only material by its
title alone: its description is not theirs to read, so it must not be searchable word by word either.
"""

from django.db.models import Q, QuerySet

from search import query


def search(materials: QuerySet, text: str, *, public_descriptions_only: bool = False) -> QuerySet:
    """The materials that match every word of `text`, best first; all of them when there are no words."""
    members_only = ~Q(visibility=materials.model.Visibility.PUBLIC) if public_descriptions_only else None
    return query.matching(materials, query.parse(text), title_only=members_only)
