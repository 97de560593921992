"""The site search: events, networks and materials matching a search, grouped by type, best first."""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import get_language

from events.selectors import events_visible_to
from materials.models import Material
from materials.selectors import materials_listed_for
from networks.models import Network

from . import highlight, query

RESULTS_PER_TYPE = 10


@dataclass
class Hit:
    """One found row, with its title and a snippet of its text highlighted (both escaped)."""

    row: object
    title: str
    snippet: str = ""


@dataclass
class Group:
    hits: list[Hit] = field(default_factory=list)
    total: int = 0

    @property
    def capped(self) -> bool:
        """Whether `total` stopped at search.query.MAX_MATCHES (there may be more matches)."""
        return query.is_capped(self.total)


@dataclass
class SiteSearch:
    search: query.Search
    events: Group = field(default_factory=Group)
    networks: Group = field(default_factory=Group)
    materials: Group = field(default_factory=Group)

    @property
    def total(self) -> int:
        return self.events.total + self.networks.total + self.materials.total

    @property
    def capped(self) -> bool:
        return self.events.capped or self.networks.capped or self.materials.capped

    @property
    def max_matches(self) -> int:
        return query.MAX_MATCHES


def _group(rows, search, *, title_of, text_of, limit) -> Group:
    found = list(rows[:limit])
    total = rows.count()
    language = get_language() or "fi"
    hits = [
        Hit(
            row=row,
            title=highlight.highlight(title_of(row), search, language),
            snippet=highlight.snippet(text_of(row), search, language),
        )
        for row in found
    ]
    return Group(hits=hits, total=total)


def site_search(user, text: str, *, limit: int = RESULTS_PER_TYPE) -> SiteSearch:
    """Up to `limit` of each type the user may see (events: public ones and their networks' members-only ones;
    materials: a visitor finds a members-only one by title only and sees no text of it), with the totals.
    Six queries (a page and a count per type), plus one for a member's networks, whatever the data."""
    search = query.parse(text)
    results = SiteSearch(search=search)
    if not search:
        return results
    events = query.matching(events_visible_to(user).select_related("network"), search)
    results.events = _group(
        events, search, title_of=lambda e: e.title, text_of=lambda e: e.summary or e.description, limit=limit
    )
    networks = query.matching(Network.objects.filter(is_active=True), search)
    results.networks = _group(
        networks, search, title_of=lambda n: n.name, text_of=lambda n: n.summary or n.description, limit=limit
    )
    visitor = not user.is_authenticated
    members_only = Q(visibility=Material.Visibility.MEMBERS) if visitor else None
    materials = query.matching(materials_listed_for(user), search, title_only=members_only)

    def material_text(material):
        return "" if visitor and material.is_members_only else material.description

    results.materials = _group(materials, search, title_of=lambda m: m.title, text_of=material_text, limit=limit)
    return results
