"""Reads about materials that pages share."""

from django.db.models import QuerySet

from .models import Material


def materials_visible_to(user) -> QuerySet[Material]:
    """Public materials for everyone; members-only materials for logged-in members too."""
    materials = Material.objects.all()
    if not user.is_authenticated:
        materials = materials.filter(visibility=Material.Visibility.PUBLIC)
    return materials
