"""Data for the materials partial on the home page, in one query."""

from django import template

from materials.selectors import latest_materials_for

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_materials(context, limit=5):
    """The newest materials the current user may see (one query)."""
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    if user is None:
        return []
    return latest_materials_for(user, limit=limit)
