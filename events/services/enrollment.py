"""Enrolment: enrol (a member, or staff on someone's behalf), cancel, leave a waiting list, release a leaving
member's seats, and erase the answers of events long over.

Each service opens its own transaction (or joins the caller's), locks the event row before it reads the seat
counters on it, asks the rules in events.selectors, writes, keeps the counters (services.seats) and queues its
e-mails with transaction.on_commit. The event row is the one lock of an event: the enrolment, cancellation,
promotion and mode-switch paths all take it first, so they run one at a time per event and never deadlock.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record

from .. import selectors
from ..errors import MESSAGES, EnrollmentError, EventStateError, NotYourEnrollment
from ..models import Enrollment, Event
from .mail_queue import queue_enrollment_email
from .seats import free_seat, take_seat
from .waiting_list import promote_from_waiting_list

__all__ = ["promote_from_waiting_list", "queue_enrollment_email"]  # re-exported for the other services

# The concurrency tests switch this off to prove that they catch an overbooking without the lock.
LOCK_EVENT_ROW = True

MAX_ANSWER_LENGTH = 1000


def locked_event(event: Event) -> Event:
    """Re-read the event under a row lock; every service that reads or changes the seats calls this first.

    FOR NO KEY UPDATE: as exclusive as FOR UPDATE among the services, but it lets the foreign-key checks of other
    transactions (FOR KEY SHARE, which PostgreSQL takes at commit for rows that reference the event) through, so
    they cannot close a deadlock with a service waiting for this row.
    """
    events = Event.objects.select_for_update(no_key=True) if LOCK_EVENT_ROW else Event.objects
    return events.get(pk=event.pk)


def clean_answers(event: Event, answers: dict | None, mode: str = "", *, require: bool = True) -> dict:
    """Keep only the answers to the event's own questions for this mode (no on-site questions online), as
    trimmed text; require the required ones unless `require` is off (staff enrolling someone)."""
    answers = answers or {}
    cleaned = {}
    for question in event.question_list(mode):
        value = answers.get(question["key"], "")
        value = str(value).strip()[:MAX_ANSWER_LENGTH] if value is not None else ""
        if require and question["required"] and not value:
            raise EnrollmentError(MESSAGES["missing_answer"] % {"question": question["label"]})
        if value:
            cleaned[question["key"]] = value
    return cleaned


def chosen_mode(event: Event, mode: str) -> str:
    """The participation mode asked for, checked against what the event offers (its one mode if left out)."""
    modes = event.participation_modes()
    if not mode and len(modes) == 1:
        mode = modes[0]
    if mode not in modes:
        raise EnrollmentError(MESSAGES["bad_mode"])
    return mode


def place_enrollment(*, event: Event, user, mode: str, answers: dict) -> Enrollment:
    """Write a new enrolment into the locked event: confirmed while its mode has a seat and nobody waits for
    one, otherwise at the end of that mode's waiting list. The seat count comes from the event row, and the
    duplicate check from the database's constraint; no e-mail (the caller chooses which)."""
    free = selectors.seats_left(event, mode)
    confirmed = free is None or (free > 0 and not selectors.someone_waiting(event, mode))
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(
                event=event,
                user=user,
                status=Enrollment.Status.CONFIRMED if confirmed else Enrollment.Status.WAITLISTED,
                mode=event.seat_mode(mode),
                answers=answers,
                waiting_since=None if confirmed else timezone.now(),
            )
    except IntegrityError:
        # The partial unique constraint: this member already has a live enrolment in the event.
        raise EnrollmentError(MESSAGES["already_enrolled"]) from None
    if confirmed:
        take_seat(event, mode)
    return enrollment


def enroll(*, event: Event, user, mode: str = "", answers: dict | None = None) -> Enrollment:
    """Enrol a member: confirmed while their mode has seats and nobody waits for one, otherwise on that mode's
    waiting list.

    Raises EnrollmentError for a closed, cancelled, draft, past or members-only event, a duplicate enrolment,
    a participation mode the event does not offer, or a missing required answer.
    """
    mode = chosen_mode(event, mode)
    if not selectors.may_enroll(event, user):
        raise EnrollmentError(MESSAGES["members_only"])
    cleaned = clean_answers(event, answers, mode)
    with transaction.atomic():
        event = locked_event(event)
        refusal = selectors.enrollment_state(event)
        if refusal:
            raise EnrollmentError(refusal)
        enrollment = place_enrollment(event=event, user=user, mode=mode, answers=cleaned)
        confirmed = enrollment.status == Enrollment.Status.CONFIRMED
        queue_enrollment_email(enrollment.pk, "confirmed" if confirmed else "waitlisted")
    return enrollment


def staff_enroll(*, event: Event, user, mode: str = "", by) -> Enrollment:
    """Staff member `by` enrols `user` directly from the admin, on the audit trail.

    The enrolment window and the audience rule do not bind staff, the seats do: the person is confirmed if their
    mode has a seat and nobody waits, else joins the end of the waiting list like anyone (nobody can jump it).
    """
    mode = chosen_mode(event, mode)
    with transaction.atomic():
        event = locked_event(event)
        if event.status == Event.Status.CANCELLED:
            raise EventStateError(MESSAGES["cancelled"])
        if event.end <= timezone.now():
            raise EventStateError(MESSAGES["event_over"])
        enrollment = place_enrollment(event=event, user=user, mode=mode, answers={})
        record(
            actor=by,
            action="enrollment.added_by_staff",
            obj=enrollment,
            network=event.network,
            person=user,
            details={"event_id": event.pk, "status": enrollment.status, "mode": enrollment.mode},
        )
        confirmed = enrollment.status == Enrollment.Status.CONFIRMED
        queue_enrollment_email(enrollment.pk, "confirmed" if confirmed else "waitlisted")
    return enrollment


def _cancel_locked(event: Event, enrollment: Enrollment, now: datetime) -> None:
    """Cancel an enrolment whose event row is locked: free its seat and move the waiting lists up."""
    was_confirmed = enrollment.status == Enrollment.Status.CONFIRMED
    enrollment.status = Enrollment.Status.CANCELLED
    enrollment.cancelled_at = now
    enrollment.waiting_mode = ""
    enrollment.save(update_fields=["status", "cancelled_at", "waiting_mode", "updated_at"])
    if was_confirmed:
        free_seat(event, enrollment.mode)
    promote_from_waiting_list(event=event)


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
        enrollment = Enrollment.objects.select_for_update(no_key=True).get(pk=enrollment.pk)
        enrollment.event = event
        now = timezone.now()
        if by_staff:
            refusal = selectors.staff_cancellation_refusal(enrollment, now=now)
        else:
            refusal = selectors.cancellation_refusal(enrollment, now=now)
        if refusal:
            raise EnrollmentError(refusal)
        queue_enrollment_email(enrollment.pk, "cancelled")
        _cancel_locked(event, enrollment, now)
        if by_staff:
            record(
                actor=user,
                action="enrollment.cancelled_by_staff",
                obj=enrollment,
                network=event.network,
                person=enrollment.user,
                details={"event_id": event.pk},
            )
    return enrollment


def release_by_token(*, token: str) -> Enrollment:
    """Give up an enrolment through a signed e-mail link ("I can't come after all", "drop this date"): the
    member's own cancellation, with its rules (a member promoted late may give the seat back until the start).
    Raises EnrollmentError for a malformed, forged or unknown token, or one whose enrolment is already gone.
    """
    from ..tokens import enrollment_id_from

    enrollment_id = enrollment_id_from(token)
    enrollment = Enrollment.objects.select_related("event", "user").filter(pk=enrollment_id).first()
    if enrollment_id is None or enrollment is None:
        raise EnrollmentError(MESSAGES["bad_link"])
    return cancel_enrollment(enrollment=enrollment, user=enrollment.user)


def leave_waiting_list(*, enrollment: Enrollment, user) -> Enrollment:
    """The member leaves the waiting list they are on: someone waiting for a seat gives up the enrolment;
    someone waiting to switch mode keeps the seat they have. Those behind move up a place.

    Raises EnrollmentError when the enrolment is on no waiting list.
    """
    if enrollment.user_id != user.pk:
        raise NotYourEnrollment(MESSAGES["not_yours"])
    with transaction.atomic():
        event = locked_event(enrollment.event)
        enrollment = Enrollment.objects.select_for_update(no_key=True).get(pk=enrollment.pk)
        enrollment.event = event
        if not enrollment.waiting_for:
            raise EnrollmentError(MESSAGES["not_waiting"])
        if enrollment.status == Enrollment.Status.WAITLISTED:
            refusal = selectors.cancellation_refusal(enrollment)
        else:
            # A switcher keeps their seat, so the cancellation deadline does not bind them; the event's state does.
            refusal = selectors.event_state_refusal(event)
        if refusal:
            raise EnrollmentError(refusal)
        if enrollment.status == Enrollment.Status.WAITLISTED:
            queue_enrollment_email(enrollment.pk, "cancelled")
            _cancel_locked(event, enrollment, timezone.now())
        else:
            enrollment.waiting_mode = ""
            enrollment.waiting_since = None
            enrollment.save(update_fields=["waiting_mode", "waiting_since", "updated_at"])
    return enrollment


def release_seats_of(*, user) -> int:
    """Before a member's account is erased: cancel their live enrolments in events still to come, so that the
    waiting lists move up (a plain CASCADE delete would leave the seats empty), and take their confirmed seats
    of past events off those events' counters (the rows go with the account). No e-mail goes to the member.

    Runs inside the caller's transaction when there is one, so that account deletion releases the seats and
    erases the user in one step. The events are locked in id order, so two such releases cannot deadlock.
    Returns how many enrolments of events to come were cancelled.
    """
    now = timezone.now()
    live = Enrollment.objects.filter(user=user).exclude(status=Enrollment.Status.CANCELLED).order_by("event_id")
    released = 0
    with transaction.atomic():
        for enrollment_id, event_id in live.values_list("pk", "event_id"):
            event = locked_event(Event(pk=event_id))
            enrollment = Enrollment.objects.select_for_update(no_key=True).filter(pk=enrollment_id).first()
            if enrollment is None or enrollment.status == Enrollment.Status.CANCELLED:
                continue
            if event.start > now:
                _cancel_locked(event, enrollment, now)
                released += 1
            elif enrollment.status == Enrollment.Status.CONFIRMED:
                free_seat(event, enrollment.mode)
    return released


def erase_old_answers(*, now: datetime | None = None) -> int:
    """Erase the answers to enrolment questions (dietary needs and the like) of events that ended more than
    ENROLLMENT_ANSWERS_RETENTION_DAYS ago; the enrolments stay, for the statistics. Returns how many were erased.

    One UPDATE of the rows that still hold answers, so running it again erases nothing more.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ENROLLMENT_ANSWERS_RETENTION_DAYS)
    return Enrollment.objects.filter(event__end__lt=cutoff).exclude(answers={}).update(answers={}, updated_at=now)
