"""Operations that change materials. Views, the admin and the demo data call these.

Error messages about bad input live in materials/errors.py; file checks in materials/filetypes.py.
"""

from django.db import transaction
from django.db.models import F

from audit.services import record
from networks.models import Network

from .models import Material


def save_material(*, material: Material, networks=None, events=None, by) -> Material:
    """Validate (exactly one of file and address, a safe address, an allowed file) and save the material, as staff
    member `by` (None: the system) uploaded or changed it; the audit trail gets `material.saved`.

    Raises ValidationError with the messages of materials.errors; nothing is stored when it does.
    """
    material.full_clean()
    with transaction.atomic():
        created = material.pk is None
        material.save()
        if networks is not None:
            material.networks.set(networks)
        if events is not None:
            material.events.set(events)
        _record(material, "material.saved", by=by, details={"created": created, "file": bool(material.file)})
    return material


def _record(material: Material, action: str, *, by, details: dict) -> None:
    """One entry per material; it belongs to a network (for its coordinators) when it is shown in exactly one."""
    network_ids = sorted(material.networks.values_list("pk", flat=True))
    record(
        actor=by,
        action=action,
        obj=material,
        network=Network(pk=network_ids[0]) if len(network_ids) == 1 else None,
        details={**details, "networks": network_ids},
    )


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


def delete_material(*, material: Material, by) -> None:
    """Delete the material, as staff member `by` decided; its file is removed from storage once the deletion
    commits. The audit trail gets `material.removed` (written just before the row goes, while it has its id)."""
    with transaction.atomic():
        _record(material, "material.removed", by=by, details={"file": bool(material.file)})
        material.delete()
