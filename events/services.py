"""Every operation that changes events and enrolments.

Each service opens its own transaction, locks the event row before it counts anything, checks the rule,
writes, and queues its e-mails with transaction.on_commit. The event row is the one lock of an event: the
enrolment, cancellation and promotion paths all take it first, so they run one at a time per event and never
deadlock with each other.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hyte_portal.errors import DomainError
from networks.selectors import is_active_member

from .models import Certificate, Enrollment, Event, EventSession, ProgrammeItem, SessionAttendance

# The user-facing messages of the rules, kept together.
MESSAGES = {
    "not_published": _("This event is not open for enrolment."),
    "cancelled": _("This event has been cancelled."),
    "past": _("This event has already started; enrolment is closed."),
    "not_open_yet": _("Enrolment opens on %(opens)s."),
    "closed": _("Enrolment closed on %(closes)s."),
    "members_only": _("This event is for the members of its network only."),
    "already_enrolled": _("You have already enrolled in this event."),
    "bad_mode": _("Choose whether you take part on site or online."),
    "missing_answer": _("Please answer the question: %(question)s"),
    "not_yours": _("You can only cancel your own enrolment."),
    "already_cancelled": _("This enrolment has already been cancelled."),
    "deadline_passed": _("The cancellation deadline was %(deadline)s. Please contact the organisers."),
    "event_over": _("This event is already over."),
    "event_already_cancelled": _("The event has already been cancelled."),
    "no_attendance_before_start": _("Attendance can be marked once the event has started."),
    "certificates_after_event": _("Certificates can be issued once the event is over."),
    "message_needs_finnish": _("Write the subject and the message at least in Finnish."),
}

# A test switches this off to prove that the concurrency tests catch an overbooking without the lock.
LOCK_EVENT_ROW = True

MAX_ANSWER_LENGTH = 1000


class EnrollmentError(DomainError):
    """A rule of enrolment refused the operation."""


class NotYourEnrollment(EnrollmentError):
    """The person asked to change an enrolment that is not theirs (the view answers 403)."""


class EventStateError(EnrollmentError):
    """A staff operation does not fit the event's state."""


def _localtime_text(value: dt.datetime) -> str:
    from django.utils.formats import date_format

    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


def _locked_event(event: Event) -> Event:
    """Re-read the event under a row lock; every service that counts seats calls this first."""
    events = Event.objects.select_for_update() if LOCK_EVENT_ROW else Event.objects
    return events.get(pk=event.pk)


def confirmed_count(event: Event, *, mode: str = "") -> int:
    """Seats taken. `mode` is where separate on-site and online capacities will plug in; today one pool."""
    return event.enrollments.filter(status=Enrollment.Status.CONFIRMED).count()


def _free_seats(event: Event, *, mode: str = "") -> int | None:
    """Free seats (None: unlimited). Call only with the event row locked."""
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed_count(event, mode=mode), 0)


def _queue_email(enrollment_id: int, kind: str) -> None:
    from .tasks import send_enrollment_email

    # robust: a broker or mail server that is down must not turn a committed enrolment into an error page.
    transaction.on_commit(lambda: send_enrollment_email.delay(enrollment_id, kind), robust=True)


def enrollment_state(event: Event, *, now: dt.datetime | None = None):
    """Why the event does not take enrolments now, as a message; None when it does."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return MESSAGES["cancelled"]
    if event.status != Event.Status.PUBLISHED:
        return MESSAGES["not_published"]
    if event.start <= now:
        return MESSAGES["past"]
    if event.enrollment_opens and now < event.enrollment_opens:
        return MESSAGES["not_open_yet"] % {"opens": _localtime_text(event.enrollment_opens)}
    if event.enrollment_closes and now >= event.enrollment_closes:
        return MESSAGES["closed"] % {"closes": _localtime_text(event.enrollment_closes)}
    return None


def may_enroll(event: Event, user) -> bool:
    """Whether the audience rule lets this user enrol (members-only events: active members of the network)."""
    if event.audience == Event.Audience.NETWORK_MEMBERS:
        return is_active_member(user, event.network)
    return True


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
    if not may_enroll(event, user):
        raise EnrollmentError(MESSAGES["members_only"])
    with transaction.atomic():
        event = _locked_event(event)
        refusal = enrollment_state(event)
        if refusal:
            raise EnrollmentError(refusal)
        cleaned = clean_answers(event, answers)
        if event.enrollments.filter(user=user).exclude(status=Enrollment.Status.CANCELLED).exists():
            raise EnrollmentError(MESSAGES["already_enrolled"])
        free = _free_seats(event, mode=mode)
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
        _queue_email(enrollment.pk, "confirmed" if confirmed else "waitlisted")
    return enrollment


def promote_from_waiting_list(*, event: Event) -> list[Enrollment]:
    """Fill the free seats from the head of the waiting list, in enrolment order, and e-mail those promoted.

    Must run inside the transaction that locked the event row (cancellation, capacity change).
    """
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("promote_from_waiting_list() must run inside the transaction that locked the event.")
    if event.status != Event.Status.PUBLISHED or event.start <= timezone.now():
        return []
    free = _free_seats(event)
    waiting = event.enrollments.filter(status=Enrollment.Status.WAITLISTED).order_by("created_at", "pk")
    if free is not None:
        waiting = waiting[:free]
    promoted = list(waiting.select_for_update())
    for enrollment in promoted:
        enrollment.status = Enrollment.Status.CONFIRMED
        enrollment.save(update_fields=["status", "updated_at"])
        _queue_email(enrollment.pk, "promoted")
    return promoted


def cancellation_deadline(event: Event) -> dt.datetime:
    return event.cancellation_deadline or event.start


def cancel_enrollment(*, enrollment: Enrollment, user, by_staff: bool = False) -> Enrollment:
    """Cancel an enrolment, free its seat and promote the first waiting member, all in one transaction.

    A member may cancel only their own enrolment, a confirmed one only before the cancellation deadline (a
    waitlisted one until the event starts). Staff (`by_staff=True`, from the admin) may cancel any until the end.
    """
    if not by_staff and enrollment.user_id != user.pk:
        raise NotYourEnrollment(MESSAGES["not_yours"])
    with transaction.atomic():
        event = _locked_event(enrollment.event)
        enrollment = Enrollment.objects.select_for_update().get(pk=enrollment.pk)
        if enrollment.status == Enrollment.Status.CANCELLED:
            raise EnrollmentError(MESSAGES["already_cancelled"])
        now = timezone.now()
        if by_staff:
            if event.end <= now:
                raise EnrollmentError(MESSAGES["event_over"])
        elif enrollment.status == Enrollment.Status.CONFIRMED and now >= cancellation_deadline(event):
            raise EnrollmentError(
                MESSAGES["deadline_passed"] % {"deadline": _localtime_text(cancellation_deadline(event))}
            )
        elif now >= event.start:
            raise EnrollmentError(MESSAGES["past"])
        enrollment.status = Enrollment.Status.CANCELLED
        enrollment.cancelled_at = now
        enrollment.save(update_fields=["status", "cancelled_at", "updated_at"])
        _queue_email(enrollment.pk, "cancelled")
        promote_from_waiting_list(event=event)
    return enrollment


def release_seats_of(*, user) -> int:
    """Before a member's account is erased: cancel their live enrolments in events still to come, so that
    the waiting list moves up (a plain CASCADE delete would leave the seats empty). No e-mail goes to them.
    Returns how many enrolments were cancelled."""
    now = timezone.now()
    live = Enrollment.objects.filter(user=user, event__start__gt=now).exclude(status=Enrollment.Status.CANCELLED)
    released = 0
    for enrollment_id, event_id in live.values_list("pk", "event_id"):
        with transaction.atomic():
            event = _locked_event(Event(pk=event_id))
            updated = (
                Enrollment.objects.filter(pk=enrollment_id)
                .exclude(status=Enrollment.Status.CANCELLED)
                .update(status=Enrollment.Status.CANCELLED, cancelled_at=now, updated_at=now)
            )
            if updated:
                released += 1
                promote_from_waiting_list(event=event)
    return released


def cancel_event(*, event: Event, by) -> int:
    """Cancel an event and notify everyone enrolled (confirmed and waiting). Returns how many were notified.

    The enrolments keep their status, so the participants' pages show the event as cancelled.
    """
    with transaction.atomic():
        event = _locked_event(event)
        if event.status == Event.Status.CANCELLED:
            raise EventStateError(MESSAGES["event_already_cancelled"])
        if event.end <= timezone.now():
            raise EventStateError(MESSAGES["event_over"])
        was_published = event.status == Event.Status.PUBLISHED
        event.status = Event.Status.CANCELLED
        event.save(update_fields=["status", "updated_at"])
        notified = 0
        if was_published:
            live = event.enrollments.exclude(status=Enrollment.Status.CANCELLED).values_list("pk", flat=True)
            for enrollment_id in live:
                _queue_email(enrollment_id, "event_cancelled")
                notified += 1
    return notified


CHANGE_FIELDS = ("start", "end", "format", "venue", "online_url")


def notify_event_changed(*, event: Event, changed_fields) -> int:
    """E-mail everyone enrolled in an upcoming published event after staff changed its time, format or place."""
    if not set(changed_fields) & set(CHANGE_FIELDS) and not any(f.startswith("venue_") for f in changed_fields):
        return 0
    if event.status != Event.Status.PUBLISHED or event.end <= timezone.now():
        return 0
    with transaction.atomic():
        live = list(event.enrollments.exclude(status=Enrollment.Status.CANCELLED).values_list("pk", flat=True))
        for enrollment_id in live:
            _queue_email(enrollment_id, "event_changed")
    return len(live)


def capacity_changed(*, event: Event) -> list[Enrollment]:
    """After staff raise the capacity, the waiting members move up into the new seats."""
    with transaction.atomic():
        return promote_from_waiting_list(event=_locked_event(event))


def duplicate_event(*, event: Event) -> Event:
    """Copy an event as a draft, with its programme and sessions but without enrolments; staff set the dates."""
    with transaction.atomic():
        copy = Event.objects.get(pk=event.pk)
        copy.pk = None
        copy.id = None
        copy.series = None
        copy.status = Event.Status.DRAFT
        copy.slug = _free_slug(f"{event.slug}-copy")
        copy._state.adding = True
        copy.save()
        for item in ProgrammeItem.objects.filter(event=event):
            item.pk = None
            item.event = copy
            item._state.adding = True
            item.save()
        for session in EventSession.objects.filter(event=event):
            session.pk = None
            session.event = copy
            session._state.adding = True
            session.save()
    return copy


def _free_slug(base: str) -> str:
    base = base[:110]
    taken = set(Event.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"


def record_attendance(*, event: Event, attended: dict[int, set[int]] | set[int]) -> int:
    """Store who was present. For a course, `attended` maps enrolment id -> ids of the sessions attended;
    for a single event it is the set of enrolment ids present. Replaces what was recorded before.

    An enrolment counts as attended when the member was present at the event or at least one session.
    Returns how many participants attended.
    """
    with transaction.atomic():
        event = _locked_event(event)
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
    return len(present)


def mark_attended(*, enrollments) -> int:
    """Mark the given confirmed enrolments of started events as attended (an admin action on enrolments)."""
    ids = [e.pk for e in enrollments]
    return Enrollment.objects.filter(
        pk__in=ids, status=Enrollment.Status.CONFIRMED, event__start__lte=timezone.now()
    ).update(attended=True, updated_at=timezone.now())


def issue_certificates(*, event: Event, by) -> int:
    """Issue a participation certificate to every attendee who has none yet, in their preferred language,
    and e-mail them that it is ready. Idempotent: issuing twice adds nothing. Returns how many were issued."""
    if event.end > timezone.now():
        raise EventStateError(MESSAGES["certificates_after_event"])
    with transaction.atomic():
        attendees = (
            Enrollment.objects.select_for_update(of=("self",))
            .filter(event=event, status=Enrollment.Status.CONFIRMED, attended=True, certificate__isnull=True)
            .select_related("user")
        )
        issued = []
        for enrollment in attendees:
            issued.append(
                Certificate.objects.create(
                    enrollment=enrollment, language=enrollment.user.preferred_language, issued_by=by
                )
            )
            _queue_email(enrollment.pk, "certificate")
    return len(issued)


RECIPIENT_STATUSES = {
    "confirmed": Q(status=Enrollment.Status.CONFIRMED),
    "waitlisted": Q(status=Enrollment.Status.WAITLISTED),
    "attended": Q(status=Enrollment.Status.CONFIRMED, attended=True),
}


def write_to_participants(*, event: Event, statuses, subject: dict, message: dict, by) -> int:
    """Send staff's message to the event's participants of the chosen statuses, each in their own language.

    `subject` and `message` map a language code to the text staff wrote in it; Finnish is required and a
    missing language falls back to it. Returns the number of recipients.
    """
    if not (subject.get("fi") or "").strip() or not (message.get("fi") or "").strip():
        raise EventStateError(MESSAGES["message_needs_finnish"])
    condition = Q(pk__in=[])
    for status in statuses:
        condition |= RECIPIENT_STATUSES[status]
    recipient_ids = list(event.enrollments.filter(condition).values_list("pk", flat=True).distinct())
    if not recipient_ids:
        return 0
    from .tasks import send_message_to_participants

    texts = {
        language: {"subject": subject.get(language) or subject["fi"], "message": message.get(language) or message["fi"]}
        for language in ("fi", "sv", "en")
    }
    transaction.on_commit(lambda: send_message_to_participants.delay(event.pk, recipient_ids, texts), robust=True)
    return len(recipient_ids)


def event_counts(events) -> dict[int, dict[str, int]]:
    """Confirmed and waitlisted counts of several events in one query: {event_id: {"confirmed": n, ...}}."""
    rows = (
        Enrollment.objects.filter(event__in=events)
        .values("event_id")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Enrollment.Status.CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=Enrollment.Status.WAITLISTED)),
        )
    )
    return {row["event_id"]: row for row in rows}


def generate_upcoming_occurrences(*, months: int = 3) -> int:
    """Generate every active series' occurrences up to `months` months ahead; returns how many were created."""
    from .series import keep_series_generated

    return keep_series_generated(months=months)


def generate_next_occurrences(*, series, count: int) -> int:
    """The admin action: generate the next `count` occurrences of a series; returns how many were new."""
    from .series import generate_occurrences

    return len(generate_occurrences(series=series, count=count))
