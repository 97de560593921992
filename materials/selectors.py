"""Reads about materials that pages share."""

from django.db.models import Prefetch, QuerySet

from networks.models import Network

from . import search
from .models import Material


def materials_visible_to(user) -> QuerySet[Material]:
    """Public materials for everyone; members-only materials for logged-in members too."""
    materials = Material.objects.all()
    if not user.is_authenticated:
        materials = materials.filter(visibility=Material.Visibility.PUBLIC)
    return materials


def materials_listed_for(user) -> QuerySet[Material]:
    """What the bank's list shows: every material. A visitor sees a members-only one as a locked entry (title,
    kind, year and a "log in to open" link, no description or address), so that they know to log in; its file
    or address stays behind the login check of the download view.
    """
    return Material.objects.all()


def search_materials(user, *, text="", kind="", network=None, year=None, language="") -> QuerySet[Material]:
    """The bank's list: listed materials matching the words and the filters (empty filters do not filter)."""
    materials = materials_listed_for(user)
    if kind:
        materials = materials.filter(kind=kind)
    if network is not None:
        materials = materials.filter(networks=network)
    if year:
        materials = materials.filter(year=year)
    if language:
        materials = materials.filter(language=language)
    return search.search(materials, text, public_descriptions_only=not user.is_authenticated)


def bank_results(user, **filters) -> QuerySet[Material]:
    """The bank's list page: search_materials() with each material's active networks (one more query a page)."""
    active_networks = Prefetch("networks", queryset=Network.objects.filter(is_active=True))
    return search_materials(user, **filters).prefetch_related(active_networks)


def may_open(user, material: Material) -> bool:
    """Whether the user may open the material's file or address."""
    return materials_visible_to(user).filter(pk=material.pk).exists()


def years_with_materials(user) -> list[int]:
    """The years of the listed materials, newest first (for the year filter; one query)."""
    years = materials_listed_for(user).exclude(year=None).order_by("-year").values_list("year", flat=True)
    return list(years.distinct())


def materials_for_network(user, network) -> QuerySet[Material]:
    """A network page's materials, newest first."""
    return materials_visible_to(user).filter(networks=network)


def materials_for_event(user, event) -> QuerySet[Material]:
    """An event page's materials (slides and handouts of a past event), newest first."""
    return materials_visible_to(user).filter(events=event)


def latest_materials_for(user, *, limit=5) -> list[Material]:
    """The newest materials the user may see, for the home page."""
    return list(materials_visible_to(user).order_by("-created_at", "-pk")[:limit])
