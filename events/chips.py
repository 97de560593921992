"""The events page's filters as chips: each a link to the same page with one filter changed, the chosen one
marked. Links keep the other filters and the view (list or month) and drop the page number."""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from .models import Event

FILTERS = ("kind", "format", "network")


@dataclass(frozen=True)
class Chip:
    label: str
    url: str
    selected: bool


@dataclass(frozen=True)
class ChipGroup:
    name: str
    label: str
    chips: list[Chip]


def _url(query: QueryDict, name: str, value: str) -> str:
    changed = query.copy()
    changed.pop("page", None)
    changed.pop(name, None)
    if value:
        changed[name] = value
    encoded = changed.urlencode()
    return f"?{encoded}" if encoded else "?"


def _group(query, name, label, all_label, options, chosen) -> ChipGroup:
    chips = [Chip(str(all_label), _url(query, name, ""), not chosen)]
    chips += [Chip(str(text), _url(query, name, value), value == chosen) for value, text in options]
    return ChipGroup(name, str(label), chips)


def filter_chips(query: QueryDict, filters: dict, networks) -> list[ChipGroup]:
    """The chip groups for kind, format and network, given the valid `filters` (EventFilterForm.filters())."""
    network = filters.get("network")
    return [
        _group(query, "kind", _("Kind"), _("All kinds"), Event.Kind.choices, filters.get("kind", "")),
        _group(query, "format", _("Format"), _("All formats"), Event.Format.choices, filters.get("format", "")),
        _group(
            query,
            "network",
            _("Network"),
            _("All networks"),
            [(each.slug, each.name) for each in networks],
            network.slug if network else "",
        ),
    ]
