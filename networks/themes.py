"""Each network's look on the cards: a theme colour (a CSS class of static/css/site.css) and an icon (a symbol of
static/icons/icons.svg). The Good Spiral themes and the standing networks have their own; any other network takes
its kind's, so that a network staff add later still gets a card that fits."""

from dataclasses import dataclass

from .models import Network


@dataclass(frozen=True)
class Theme:
    colour: str  # one of the .theme-* classes
    icon: str  # a symbol id in icons.svg


BY_SLUG = {
    "nicotine-free-life": Theme("rose", "leaf"),
    "children-and-adolescents": Theme("blue", "child"),
    "long-term-unemployed": Theme("ochre", "work"),
    "obesity": Theme("green", "heart"),
    "fall-prevention": Theme("plum", "balance"),
    "public-health-directors": Theme("teal", "compass"),
    "oral-health-directors": Theme("slate", "smile"),
}

BY_KIND = {
    Network.Kind.GOOD_SPIRAL_THEME: Theme("teal", "spiral"),
    Network.Kind.DIRECTOR_NETWORK: Theme("teal", "compass"),
    Network.Kind.COACHING_ALUMNI: Theme("green", "people"),
    Network.Kind.INTERNAL_GROUP: Theme("slate", "lock"),
}

DEFAULT = Theme("teal", "spiral")


def theme_of(network: Network) -> Theme:
    """The network's colour and icon: its own if it has one, otherwise its kind's."""
    return BY_SLUG.get(network.slug) or BY_KIND.get(network.kind, DEFAULT)
