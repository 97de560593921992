"""Data for the networks partials on the home page and my page, each in one query."""

from django import template

from networks import selectors
from networks.themes import theme_of

register = template.Library()


@register.simple_tag
def home_networks():
    """The active networks for the home page, Good Spiral themes first."""
    return list(selectors.listed_networks())


@register.simple_tag
def my_memberships(user):
    """The user's active memberships and pending requests."""
    return list(selectors.current_memberships(user))


@register.simple_tag
def network_theme(network):
    """The network's card colour class and icon (networks/themes.py)."""
    return theme_of(network)
