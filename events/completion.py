"""Whether a participant completed a course: the sessions they attended, the hours those count for, and whether the
event's completion rule is met. Read by the certificate service, the PDF and the admin's completion page.

An event without sessions counts as one session spanning the event, attended when the enrolment is marked
attended.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import formats

from .models import CompletionRule, Enrollment, Event, EventSession, SessionAttendance, hours_between


@dataclass(frozen=True)
class Completion:
    enrollment: Enrollment
    sessions_total: int
    sessions_attended: int
    hours: Decimal
    rule_met: bool
    attended_session_ids: frozenset

    @property
    def hours_text(self) -> str:
        return hours_text(self.hours)


def hours_text(value: Decimal) -> str:
    """Hours as people write them: 36, or 7,5 in Finnish."""
    return formats.number_format(value, decimal_pos=1 if value % 1 else 0)


def rule_met(event: Event, *, sessions_total: int, sessions_attended: int, hours: Decimal) -> bool:
    """The event's completion rule applied to one participant's figures. Without a rule, attending anything
    (the event, or one session of a course) is enough, as for the certificates staff issue by hand."""
    rule, threshold = event.completion_rule, event.completion_threshold or 0
    if rule == CompletionRule.ALL_SESSIONS:
        return sessions_attended >= sessions_total
    if rule == CompletionRule.ALL_BUT:
        return sessions_attended >= sessions_total - threshold
    if rule == CompletionRule.MIN_HOURS:
        return hours >= threshold
    return sessions_attended > 0


def completion_of(enrollment: Enrollment, sessions: list[EventSession]) -> Completion:
    """One participant's completion; `sessions` are the event's sessions, and the enrolment's
    session_attendances should be prefetched (completions_for does both)."""
    event = enrollment.event
    if sessions:
        attended_ids = frozenset(attendance.session_id for attendance in enrollment.session_attendances.all())
        attended = [session for session in sessions if session.pk in attended_ids]
        total, hours = len(sessions), sum((session.counted_hours() for session in attended), Decimal(0))
    else:
        attended_ids = frozenset()
        total = 1
        attended = [event] if enrollment.attended else []
        hours = hours_between(event.start, event.end) if enrollment.attended else Decimal(0)
    return Completion(
        enrollment=enrollment,
        sessions_total=total,
        sessions_attended=len(attended),
        hours=hours,
        # Without a rule, an enrolment staff marked as attended (the enrolments' action) is enough on its own.
        rule_met=rule_met(event, sessions_total=total, sessions_attended=len(attended), hours=hours)
        or (not event.completion_rule and enrollment.attended),
        attended_session_ids=attended_ids,
    )


ATTENDANCE_IDS = SessionAttendance.objects.only("session_id", "enrollment_id")


def completions_for(event: Event, enrollments=None) -> list[Completion]:
    """The completion of each confirmed participant of `event` (or of the given enrolments of it), in three
    queries whatever their number."""
    if enrollments is None:
        enrollments = event.enrollments.filter(status=Enrollment.Status.CONFIRMED)
    sessions = list(event.sessions.all())
    rows = (
        enrollments.select_related("user", "certificate")
        .prefetch_related(Prefetch("session_attendances", queryset=ATTENDANCE_IDS))
        .order_by("user__last_name", "user__first_name", "pk")
    )
    completions = []
    for enrollment in rows:
        enrollment.event = event  # the same object: no query per row
        completions.append(completion_of(enrollment, sessions))
    return completions
