"""Event reminders: the day before, and for online and hybrid events an hour before with the meeting link.

Each reminder is due in a window before the event start, from its lead time until the next shorter
reminder's lead time (or the start). Celery beat calls send_due_reminders() every few minutes; each
due reminder is claimed by inserting a ReminderDelivery row (unique per enrolment and kind) before it is
sent, and marked sent after, so overlapping runs never send one twice. A claim left unmarked by a
crashed run is taken over after STALE_CLAIM, so a reminder is not lost either.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from .emails import send_reminder_email
from .models import Enrollment, Event, ReminderDelivery

logger = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=15)
MEETING_FORMATS = (Event.Format.ONLINE, Event.Format.HYBRID)


@dataclass(frozen=True)
class ReminderKind:
    kind: str
    lead: timedelta
    formats: tuple[str, ...]  # the event formats that get this reminder


def reminder_kinds() -> list[ReminderKind]:
    """The reminders, longest lead first (lead times come from settings)."""
    return [
        ReminderKind(
            ReminderDelivery.Kind.DAY_BEFORE,
            timedelta(hours=settings.EVENT_REMINDER_DAY_BEFORE_HOURS),
            tuple(Event.Format.values),
        ),
        ReminderKind(
            ReminderDelivery.Kind.HOUR_BEFORE,
            timedelta(minutes=settings.EVENT_REMINDER_HOUR_BEFORE_MINUTES),
            MEETING_FORMATS,
        ),
    ]


def _window_query(reminder: ReminderKind, kinds: list[ReminderKind], now: datetime) -> Q:
    """Events whose start puts `now` inside this reminder's window, per format (a shorter reminder ends it)."""
    windows = Q()
    for event_format in reminder.formats:
        shorter = [k.lead for k in kinds if k.lead < reminder.lead and event_format in k.formats]
        window_end = max(shorter, default=timedelta(0))
        windows |= Q(
            event__format=event_format,
            event__start__lte=now + reminder.lead,
            event__start__gt=now + window_end,
        )
    return windows


def due_reminders(*, now: datetime | None = None) -> list[tuple[int, str]]:
    """(enrolment id, kind) of every reminder due now and not yet claimed: confirmed, published events only."""
    now = now or timezone.now()
    kinds = reminder_kinds()
    due = []
    for reminder in kinds:
        claimed = ReminderDelivery.objects.filter(enrollment=OuterRef("pk"), kind=reminder.kind)
        enrollment_ids = (
            Enrollment.objects.filter(status=Enrollment.Status.CONFIRMED, event__status=Event.Status.PUBLISHED)
            .filter(_window_query(reminder, kinds, now))
            .filter(~Exists(claimed))
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        due.extend((pk, reminder.kind) for pk in enrollment_ids)
    return due


def stale_claims(*, now: datetime | None = None) -> list[tuple[int, str]]:
    """Claims a crashed run left unsent, still inside their reminder's window."""
    now = now or timezone.now()
    kinds = reminder_kinds()
    stale = []
    for reminder in kinds:
        stale.extend(
            ReminderDelivery.objects.filter(kind=reminder.kind, sent_at__isnull=True, claimed_at__lt=now - STALE_CLAIM)
            .filter(enrollment__status=Enrollment.Status.CONFIRMED, enrollment__event__status=Event.Status.PUBLISHED)
            .filter(
                Q(
                    enrollment__event__start__gt=now,
                    enrollment__event__start__lte=now + reminder.lead,
                )
            )
            .values_list("enrollment_id", "kind")
        )
    return stale


def claim(*, enrollment_id: int, kind: str, now: datetime) -> ReminderDelivery | None:
    """Insert the claim row; None if another run has it. A stale unsent claim is taken over atomically."""
    try:
        with transaction.atomic():
            return ReminderDelivery.objects.create(enrollment_id=enrollment_id, kind=kind)
    except IntegrityError:
        taken_over = ReminderDelivery.objects.filter(
            enrollment_id=enrollment_id, kind=kind, sent_at__isnull=True, claimed_at__lt=now - STALE_CLAIM
        ).update(claimed_at=now)
        if taken_over:
            return ReminderDelivery.objects.get(enrollment_id=enrollment_id, kind=kind)
        return None


def send_reminder(*, delivery: ReminderDelivery) -> bool:
    """Send one claimed reminder if the enrolment still qualifies; mark it sent. False when not sent."""
    enrollment = Enrollment.objects.select_related("event", "user").filter(pk=delivery.enrollment_id).first()
    if (
        enrollment is None
        or enrollment.status != Enrollment.Status.CONFIRMED
        or enrollment.event.status != Event.Status.PUBLISHED
        or enrollment.event.start <= timezone.now()
    ):
        delivery.delete()  # cancelled meanwhile: free the claim, in case the enrolment comes back
        return False
    event = enrollment.event
    try:
        send_reminder_email(
            enrollment=enrollment,
            kind=delivery.kind,
            online_url=event.online_url if event.format in MEETING_FORMATS else "",
        )
    except Exception:
        delivery.delete()  # nothing went out: let the next run try again
        raise
    ReminderDelivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
    return True


def send_due_reminders(*, now: datetime | None = None) -> int:
    """Claim and send every due reminder; returns how many were sent. Safe to run often and concurrently."""
    now = now or timezone.now()
    sent = 0
    for enrollment_id, kind in [*due_reminders(now=now), *stale_claims(now=now)]:
        delivery = claim(enrollment_id=enrollment_id, kind=kind, now=now)
        if delivery is None:
            continue
        try:
            sent += send_reminder(delivery=delivery)
        except Exception:
            logger.exception("Reminder %s for enrolment %s failed; the next run retries it", kind, enrollment_id)
    return sent
