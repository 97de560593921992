"""Writing the audit trail, and blanking a person's details from it when their account is erased.

`record()` is called by the service that takes a decision, inside that decision's transaction: if the decision
rolls back, so does its entry, and a committed decision always has one.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q

from .models import AuditEntry

SYSTEM = None  # the actor of what scheduled tasks do

# Keys of `details` that may hold personal data; erasing the person blanks them.
PERSONAL_DETAIL_KEYS = ("email", "name", "person")


def _label(user) -> str:
    return user.email if user is not None and getattr(user, "pk", None) else ""


def record(*, actor, action: str, obj=None, network=None, person=None, details: dict | None = None) -> AuditEntry:
    """Write one entry: `actor` did `action` (a stable dotted name such as "membership.approved") to `obj`.

    `actor` is a user or SYSTEM (None); `network` the network the object belongs to (coordinators see the entries
    of their networks); `person` the member the decision concerns (a membership's member, an enrolment's
    participant), so that their erasure can blank what the trail says about them.
    """
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None  # an anonymous request acts as nobody in particular
    return AuditEntry.objects.create(
        actor=actor,
        actor_label=_label(actor),
        by_system=actor is None,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        object_label=str(obj)[:300] if obj is not None else "",
        network=network,
        person=person,
        details=details or {},
    )


def forget_person(*, user) -> int:
    """Before an account is erased: keep the entries about or by the person but drop their personal details.

    The foreign keys are set to NULL by the deletion itself; here the recorded labels (e-mail, a name in the
    object's text) and the personal keys of the details are blanked. Returns how many entries were changed.
    """
    User = get_user_model()
    with transaction.atomic():
        entries = AuditEntry.objects.select_for_update().filter(Q(actor=user) | Q(person=user))
        changed = []
        for entry in entries:
            if entry.actor_id == user.pk:
                entry.actor_label = ""
            if (
                entry.person_id == user.pk
                or entry.object_type == User._meta.label_lower
                and entry.object_id == str(user.pk)
            ):
                entry.object_label = ""
            for key in PERSONAL_DETAIL_KEYS:
                entry.details.pop(key, None)
            changed.append(entry)
        AuditEntry.objects.bulk_update(changed, ["actor_label", "object_label", "details"])
    return len(changed)


def forget_details_of(*, objects) -> int:
    """Before rows that name a person are deleted (an invitation to an address, say): blank the personal details
    and the label the trail recorded about them, keeping the entries themselves. Returns how many changed."""
    ids_by_type = {}
    for obj in objects:
        ids_by_type.setdefault(obj._meta.label_lower, []).append(str(obj.pk))
    if not ids_by_type:
        return 0
    about = Q()
    for object_type, ids in ids_by_type.items():
        about |= Q(object_type=object_type, object_id__in=ids)
    with transaction.atomic():
        changed = list(AuditEntry.objects.select_for_update().filter(about))
        for entry in changed:
            entry.object_label = ""
            for key in PERSONAL_DETAIL_KEYS:
                entry.details.pop(key, None)
        AuditEntry.objects.bulk_update(changed, ["object_label", "details"])
    return len(changed)
