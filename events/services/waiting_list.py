"""The waiting lists: one per mode of an event, in the order members joined them, which nobody can change.

A seat that frees in a mode goes at once to the head of that mode's list. The head may be someone waiting with
no seat (confirmed now) or a participant waiting to switch into the mode while keeping a seat in the other
(moved now, which frees their old seat for the other mode's list in turn).
"""

from django.db import transaction
from django.utils import timezone

from .. import selectors
from ..models import Enrollment, Event
from .mail_queue import queue_enrollment_email
from .seats import seat_in_mode


def promote_from_waiting_list(*, event: Event) -> list[Enrollment]:
    """Fill the free seats of each mode from the head of its waiting list, and e-mail those promoted.

    Must run inside the transaction that locked the event row (cancellation, capacity change, mode switch).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("promote_from_waiting_list() must run inside the transaction that locked the event.")
    if event.status != Event.Status.PUBLISHED or event.start <= timezone.now():
        return []
    promoted = []
    moved_someone = True
    while moved_someone:  # a switch frees a seat in the other mode: go round until nothing moves
        moved_someone = False
        for mode in event.participation_modes():
            free = selectors.seats_left(event, mode)
            if free == 0:
                continue
            waiting = selectors.waiting_list(event, mode)
            if free is not None:
                waiting = waiting[:free]
            for enrollment in waiting.select_for_update(no_key=True):
                moved_someone |= _promote(event, enrollment, mode)
                promoted.append(enrollment)
    return promoted


def _promote(event: Event, enrollment: Enrollment, mode: str) -> bool:
    """Give the enrolment a seat in `mode`; True when that freed a seat in the other mode."""
    now = timezone.now()
    switched = seat_in_mode(event, enrollment, mode)
    enrollment.promoted_at = now
    if mode != Enrollment.Mode.ONSITE:
        # On-site answers (dietary needs) are not kept for someone now taking part online.
        onsite_keys = {q["key"] for q in event.question_list() if q["onsite"]}
        enrollment.answers = {k: v for k, v in (enrollment.answers or {}).items() if k not in onsite_keys}
    enrollment.save(update_fields=["status", "mode", "waiting_mode", "waiting_since", "promoted_at", "answers",
                                   "updated_at"])  # fmt: skip
    queue_enrollment_email(enrollment.pk, "mode_switched" if switched else "promoted")
    return switched
