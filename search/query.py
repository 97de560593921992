"""A typed search as lemmas, and the rows that match it, ranked.

Each word of the search becomes a group of terms: the word itself and its lemmas in Finnish, Swedish and English
(search.lemmas.query_terms), and the word as a prefix: the fragment `kaatumis` still finds `kaatumisten`, and
`itsearviointi` finds `itsearviointilomake`, which Voikko splits as itse + arvioida + lomake. A row matches when
every group matches a term of its search_document. The terms are letters and digits only,
quoted by us: no input reaches the tsquery syntax as an operator.

PostgreSQL: `search_document @@ to_tsquery('simple', ...)` over the GIN index, ranked by ts_rank over the
titles' vector (search/fields.py says why), then in the list's own order; only the first MAX_MATCHES
matches in the list's order are ranked (see there). SQLite: `contains " term "` over the
lemma text, title matches first; no index, fine for the embedded default's few hundred rows.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections
from django.db.models import Case, F, FloatField, Q, QuerySet, Value, When

from .lemmas import query_terms, words

MAX_TEXT_LENGTH = 500  # characters read of a search; the rest is ignored (and the page says so)
MAX_WORDS = 8
MIN_PREFIX_LENGTH = 4  # a shorter word matches whole terms only: "uni" must not find "universal"
# Matches ranked and listed at most. Trade-off: a search matching more rows than this (a word found in most of
# the bank, such as `nuorten`) lists and ranks only the first MAX_MATCHES matches in the list's own order (for
# the bank: newest year first), so an older row whose title matches may be left out; the pages say so and ask
# for another word. In exchange the database stops after MAX_MATCHES matches instead of testing, ranking and
# counting every row (benchmarks/: `nuorten`, 8,317 of 10,000
# materials, from ~108 to ~22 ms median for the bank's page and count). Up to MAX_MATCHES matches the
# result is exactly as without the cap.
MAX_MATCHES = 500


@dataclass(frozen=True)
class Search:
    """What was searched for: the words and, for each, the terms any of which satisfies it."""

    words: tuple[str, ...] = ()
    groups: tuple[tuple[str, ...], ...] = ()
    truncated: bool = False
    terms: frozenset[str] = field(default_factory=frozenset)
    prefixes: tuple[str, ...] = ()

    def __bool__(self):
        return bool(self.words)


def parse(text: str) -> Search:
    """The search a person typed: at most MAX_TEXT_LENGTH characters and MAX_WORDS distinct words."""
    text = text or ""
    truncated = len(text) > MAX_TEXT_LENGTH
    unique = list(dict.fromkeys(words(text[:MAX_TEXT_LENGTH])))
    truncated = truncated or len(unique) > MAX_WORDS
    unique = unique[:MAX_WORDS]
    groups = tuple(query_terms(word) for word in unique)
    terms = frozenset(term for group in groups for term in group)
    return Search(words=tuple(unique), groups=groups, truncated=truncated, terms=terms, prefixes=_prefixes(unique))


def _prefixes(words: list[str]) -> tuple[str, ...]:
    """The words also searched as prefixes: those long enough."""
    return tuple(word for word in words if len(word) >= MIN_PREFIX_LENGTH)


def _tsquery(search: Search) -> str:
    clauses = []
    for word, terms in zip(search.words, search.groups, strict=True):
        alternatives = [f"'{term}'" for term in terms]
        if word in search.prefixes:
            alternatives.append(f"'{word}':*")
        clauses.append("(" + " | ".join(alternatives) + ")")
    return " & ".join(clauses)


def _contains(column: str, search: Search) -> Q:
    condition = Q()
    for word, terms in zip(search.words, search.groups, strict=True):
        any_term = Q()
        for term in terms:
            any_term |= Q(**{f"{column}__contains": f" {term} "})
        if word in search.prefixes:
            any_term |= Q(**{f"{column}__contains": f" {word}"})
        condition &= any_term
    return condition


def is_capped(total: int) -> bool:
    """Whether a count of matching() rows may be short of every match (MAX_MATCHES reached)."""
    return total >= MAX_MATCHES


def matching(rows: QuerySet, search: Search, *, title_only: Q | None = None) -> QuerySet:
    """The rows that match every word, best first (annotated with `rank`); all rows when nothing was searched.
    At most MAX_MATCHES rows: the first ones in the list's own order are ranked (see MAX_MATCHES).

    `title_only`: rows under this condition match by their title's lemmas alone (a members-only material for a
    visitor, whose description is not theirs to read, so not theirs to search word by word either).
    """
    if not search:
        return rows
    ordering = list(rows.query.order_by or rows.model._meta.ordering)
    if connections[rows.db].vendor == "postgresql":
        words = SearchQuery(_tsquery(search), search_type="raw", config="simple")
        found = rows.filter(search_document=words)
        if title_only is not None:
            found = found.filter(~title_only | Q(search_title_document=words))
        rank = SearchRank(F("search_title_document"), words)
    else:
        found = rows.filter(_contains("search_document", search))
        if title_only is not None:
            found = found.filter(~title_only | _contains("search_title", search))
        in_title = Case(When(_contains("search_title", search), then=Value(1.0)), default=Value(0.0))
        rank = Value(0.0, output_field=FloatField()) + in_title
    # The first MAX_MATCHES matches in the list's order (its index reads them and stops), then only those ranked.
    first = found.order_by(*ordering).values("pk")[:MAX_MATCHES]
    return rows.filter(pk__in=first).annotate(rank=rank).order_by("-rank", *ordering)
