"""Enrolment and the waiting list: enrol, cancel, promote the next in line, release a leaving member's seats, and
erase the answers of events long over.

Each service opens its own transaction (or joins the caller's), locks the event row before it counts anything,
asks the rules in events.selectors, writes, and queues its e-mails with transaction.on_commit. The event row is
the one lock of an event: the enrolment, cancellation and promotion paths all take it first, so they run one at
a time per event and never deadlock with each other.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record

from .. import selectors
from ..errors import MESSAGES, EnrollmentError, NotYourEnrollment
from ..models import Enrollment, Event

# The concurrency tests switch this off to prove that they catch an overbooking without the lock.
LOCK_EVENT_ROW = True

MAX_ANSWER_LENGTH = 1000


def locked_event(event: Event) -> Event:
    """Re-read the event under a row lock; every service that counts seats calls this first."""
    events = Event.objects.select_for_update() if LOCK_EVENT_ROW else Event.objects
    return events.get(pk=event.pk)


def queue_enrollment_email(enrollment_id: int, kind: str) -> None:
    """Send one of the enrolment e-mails (events.emails.ENROLLMENT_EMAILS) once the transaction commits."""
    from ..tasks import send_enrollment_email

    # robust: a broker or mail server that is down must not turn a committed enrolment into an error page.
    transaction.on_commit(lambda: send_enrollment_email.delay(enrollment_id, kind), robust=True)


def clean_answers(event: Event, answers: dict | None) -> dict:
    """Keep only the answers to the event's own questions, as trimmed text; require the required ones."""
    answers = answers or {}
    cleaned = {}
    for question in event.question_list():
        value = answers.get(question["key"], "")
        value = str(value).strip()[:MAX_ANSWER_LENGTH] if value is not None else ""
        if question["required"] and not value:
            raise EnrollmentError(MESSAGES["missing_answer"] % {"question": question["label"]})
        if value:
            cleaned[question["key"]] = value
    return cleaned


def enroll(*, event: Event, user, mode: str = "", answers: dict | None = None) -> Enrollment:
    """Enrol a member: confirmed while there are seats and nobody waiting, otherwise on the waiting list.

    Raises EnrollmentError for a closed, cancelled, draft, past or members-only event, a duplicate enrolment,
    a participation mode the event does not offer, or a missing required answer.
    """
    modes = event.participation_modes()
    if not mode and len(modes) == 1:
        mode = modes[0]
    if mode not in modes:
        raise EnrollmentError(MESSAGES["bad_mode"])
    if not selectors.may_enroll(event, user):
        raise EnrollmentError(MESSAGES["members_only"])
    with transaction.atomic():
        event = locked_event(event)
        refusal = selectors.enrollment_state(event)
        if refusal:
            raise EnrollmentError(refusal)
        cleaned = clean_answers(event, answers)
        if event.enrollments.filter(user=user).exclude(status=Enrollment.Status.CANCELLED).exists():
            raise EnrollmentError(MESSAGES["already_enrolled"])
        free = selectors.seats_left(event)
        someone_waiting = event.enrollments.filter(status=Enrollment.Status.WAITLISTED).exists()
        confirmed = free is None or (free > 0 and not someone_waiting)
        status = Enrollment.Status.CONFIRMED if confirmed else Enrollment.Status.WAITLISTED
        try:
            with transaction.atomic():
                enrollment = Enrollment.objects.create(
                    event=event, user=user, status=status, mode=mode, answers=cleaned
                )
        except IntegrityError:
            # The partial unique constraint caught a second live enrolment that slipped past the check.
            raise EnrollmentError(MESSAGES["already_enrolled"]) from None
        queue_enrollment_email(enrollment.pk, "confirmed" if confirmed else "waitlisted")
    return enrollment


def promote_from_waiting_list(*, event: Event) -> list[Enrollment]:
    """Fill the free seats from the head of the waiting list, in enrolment order, and e-mail those promoted.

    Must run inside the transaction that locked the event row (cancellation, capacity change).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("promote_from_waiting_list() must run inside the transaction that locked the event.")
    if event.status != Event.Status.PUBLISHED or event.start <= timezone.now():
        return []
    free = selectors.seats_left(event)
    waiting = event.enrollments.filter(status=Enrollment.Status.WAITLISTED).order_by("created_at", "pk")
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting.select_for_update())
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.CONFIRMED
        enrollment.save(update_fields=["status", "updated_at"])
        queue_enrollment_email(enrollment.pk, "promoted")
    return promoted


def cancel_enrollment(*, enrollment: Enrollment, user, by_staff: bool = False) -> Enrollment:
    """Cancel an enrolment, free its seat and promote the first waiting member, all in one transaction.

    A member may cancel only their own enrolment, and only while selectors.cancellation_refusal() allows it
    (the rule the event page asks too). Staff (`by_staff=True`, from the admin, `user` being the staff member)
    may cancel any until the end; that decision goes on the audit trail.
    """
    if not by_staff and enrollment.user_id != user.pk:
        raise NotYourEnrollment(MESSAGES["not_yours"])
    with transaction.atomic():
        event = locked_event(enrollment.event)
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        enrollment.event = event
        now = timezone.now()
        if by_staff:
            refusal = selectors.staff_cancellation_refusal(enrollment, now=now)
        else:
            refusal = selectors.cancellation_refusal(enrollment, now=now)
        if refusal:
            raise EnrollmentError(refusal)
        enrollment.status = Enrollment.Status.CANCELLED
        enrollment.cancelled_at = now
        enrollment.save(update_fields=["status", "cancelled_at", "updated_at"])
        if by_staff:
            record(
                actor=user,
                action="enrollment.cancelled_by_staff",
                obj=enrollment,
                network=event.network,
                person=enrollment.user,
                details={"event_id": event.pk},
            )
        queue_enrollment_email(enrollment.pk, "cancelled")
        promote_from_waiting_list(event=event)
    return enrollment


def release_seats_of(*, user) -> int:
    """Before a member's account is erased: cancel their live enrolments in events still to come, so that the
    waiting lists move up (a plain CASCADE delete would leave the seats empty). No e-mail goes to the member.

    Runs inside the caller's transaction when there is one, so that account deletion releases the seats and
    erases the user in one step. The events are locked in id order, so two such releases cannot deadlock.
    Returns how many enrolments were cancelled.
    """
    now = timezone.now()
    live = (
        Enrollment.objects.filter(user=user, event__start__gt=now)
        .exclude(status=Enrollment.Status.CANCELLED)
        .order_by("event_id")
    )
    released = 0
    with transaction.atomic():
        for enrollment_id, event_id in live.values_list("pk", "event_id"):
            event = locked_event(Event(pk=event_id))
            updated = (
                Enrollment.objects.filter(pk=enrollment_id)
                .exclude(status=Enrollment.Status.CANCELLED)
                .update(status=Enrollment.Status.CANCELLED, cancelled_at=now, updated_at=now)
            )
            if updated:
                released += 1
                promote_from_waiting_list(event=event)
    return released


def erase_old_answers(*, now: datetime | None = None) -> int:
    """Erase the answers to enrolment questions (dietary needs and the like) of events that ended more than
    ENROLLMENT_ANSWERS_RETENTION_DAYS ago; the enrolments stay, for the statistics. Returns how many were erased.

    One UPDATE of the rows that still hold answers, so running it again erases nothing more.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ENROLLMENT_ANSWERS_RETENTION_DAYS)
    return Enrollment.objects.filter(event__end__lt=cutoff).exclude(answers={}).update(answers={}, updated_at=now)
