"""Attendance and participation certificates: who was present, at the event or at each session of a course,
and the certificates staff issue to them afterwards."""

from collections import Counter

from django.db import transaction
from django.utils import timezone

from audit.services import record

from ..errors import MESSAGES, EventStateError
from ..models import Certificate, Enrollment, Event, SessionAttendance
from .enrollment import locked_event, queue_enrollment_email


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


def issue_certificates(*, event: Event, by) -> int:
    """Issue a participation certificate to every attendee who has none yet, in their preferred language,
    and e-mail them that it is ready. Idempotent: issuing twice adds nothing. Returns how many were issued; the
    audit trail gets the count (a run that issues none leaves no entry)."""
    if event.end > timezone.now():
        raise EventStateError(MESSAGES["certificates_after_event"])
    with transaction.atomic():
        attendees = (
            Enrollment.objects.select_for_update(of=("self",))
            .filter(event=event, status=Enrollment.Status.CONFIRMED, attended=True, certificate__isnull=True)
            .select_related("user")
        )
        issued = 0
        for enrollment in attendees:
            Certificate.objects.create(enrollment=enrollment, language=enrollment.user.preferred_language, issued_by=by)
            queue_enrollment_email(enrollment.pk, "certificate")
            issued += 1
        if issued:
            record(actor=by, action="certificate.issued", obj=event, network=event.network, details={"count": issued})
    return issued
