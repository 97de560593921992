"""Attendance as staff mark it: who was present, at the event or at each session of a course. (Participants mark
their own in services.checkin; certificates follow in services.certificates.)"""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from audit.services import record

from ..errors import MESSAGES, EventStateError
from ..models import Enrollment, Event, SessionAttendance
from .enrollment import locked_event


def record_attendance(*, event: Event, attended: dict[int, set[int]] | set[int], by) -> int:
    """Store who was present, as staff member `by` marked it. For a course, `attended` maps enrolment id -> ids
    of the sessions attended; for a single event it is the set of enrolment ids present. Replaces what was
    recorded before.

    An enrolment counts as attended when the member was present at the event or at least one session.
    Returns how many participants attended; the audit trail gets the counts.
    """
    with transaction.atomic():
        event = locked_event(event)
        if event.start > timezone.now():
            raise EventStateError(MESSAGES["no_attendance_before_start"])
        confirmed = set(event.enrollments.filter(status=Enrollment.Status.CONFIRMED).values_list("pk", flat=True))
        session_ids = set(event.sessions.values_list("pk", flat=True))
        if isinstance(attended, dict):
            by_enrollment = {
                enrollment_id: set(sessions) & session_ids
                for enrollment_id, sessions in attended.items()
                if enrollment_id in confirmed
            }
            SessionAttendance.objects.filter(session__event=event).delete()
            SessionAttendance.objects.bulk_create(
                SessionAttendance(session_id=session_id, enrollment_id=enrollment_id)
                for enrollment_id, sessions in by_enrollment.items()
                for session_id in sessions
            )
            present = {enrollment_id for enrollment_id, sessions in by_enrollment.items() if sessions}
        else:
            present = set(attended) & confirmed
        event.enrollments.filter(pk__in=present).update(attended=True, updated_at=timezone.now())
        event.enrollments.exclude(pk__in=present).filter(attended=True).update(
            attended=False, updated_at=timezone.now()
        )
        record(
            actor=by,
            action="attendance.marked",
            obj=event,
            network=event.network,
            details={"attended": len(present), "confirmed": len(confirmed)},
        )
    return len(present)


def mark_attended(*, enrollments, by) -> int:
    """Mark the given confirmed enrolments of started events as attended (an admin action on enrolments), as
    staff member `by` did; the audit trail gets one entry per event with its count. Returns how many were marked."""
    ids = [e.pk for e in enrollments]
    with transaction.atomic():
        markable = list(
            Enrollment.objects.select_for_update(of=("self",))
            .filter(pk__in=ids, status=Enrollment.Status.CONFIRMED, event__start__lte=timezone.now())
            .values_list("pk", "event_id")
        )
        marked = Enrollment.objects.filter(pk__in=[pk for pk, _event_id in markable]).update(
            attended=True, updated_at=timezone.now()
        )
        per_event = Counter(event_id for _pk, event_id in markable)
        for event in Event.objects.filter(pk__in=per_event).select_related("network").order_by("pk"):
            details = {"marked": per_event[event.pk]}
            record(actor=by, action="attendance.marked", obj=event, network=event.network, details=details)
    return marked
