"""Operations that change materials. Views, the admin and the demo data call these.

Error messages about bad input live in materials/errors.py; file checks in materials/filetypes.py.
"""

from django.db import transaction
from django.db.models import F

from .models import Material


def save_material(*, material: Material, networks=None, events=None) -> Material:
    """Validate (exactly one of file and address, a safe address, an allowed file) and save the material.

    Raises ValidationError with the messages of materials.errors; nothing is stored when it does.
    """
    material.full_clean()
    with transaction.atomic():
        material.save()
        if networks is not None:
            material.networks.set(networks)
        if events is not None:
            material.events.set(events)
    return material


def record_download(*, material: Material) -> None:
    """Count one download, in the database, so that simultaneous downloads are all counted."""
    Material.objects.filter(pk=material.pk).update(download_count=F("download_count") + 1)


def set_visibility(*, materials, visibility: str) -> int:
    """Make the given materials public or members-only; returns how many changed."""
    if visibility not in Material.Visibility.values:
        raise ValueError(f"unknown visibility {visibility!r}")
    return (
        Material.objects.filter(pk__in=[m.pk for m in materials])
        .exclude(visibility=visibility)
        .update(visibility=visibility)
    )


def delete_material(*, material: Material) -> None:
    """Delete the material; its file is removed from storage once the deletion commits."""
    with transaction.atomic():
        material.delete()
