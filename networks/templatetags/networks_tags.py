"""Data for the networks partials on the home page and my page, each in one query."""

from django import template
from django.urls import NoReverseMatch, reverse

from networks import selectors

register = template.Library()


@register.simple_tag
def home_networks():
    """The active networks for the home page, Good Spiral themes first."""
    return list(selectors.listed_networks())


@register.simple_tag
def my_memberships(user):
    """The user's active memberships and pending requests."""
    return list(selectors.current_memberships(user))


@register.filter
def page_url(obj):
    """The object's page, or "" while the app that serves it has no such page yet (apps land one by one)."""
    try:
        return obj.get_absolute_url()
    except (AttributeError, NoReverseMatch):
        return ""


@register.filter
def material_url(material):
    """Where a material opens: its download address in the material bank, else its external address."""
    try:
        return reverse("materials:download", kwargs={"pk": material.pk})
    except NoReverseMatch:
        pass
    try:
        return reverse("materials:download", args=[material.pk])
    except NoReverseMatch:
        return material.url or ""
