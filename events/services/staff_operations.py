"""What staff do to events from the admin: save one (publishing, changing it), cancel one, tell participants of a
change of time, format or place, add seats, duplicate it, and generate the occurrences of recurring series."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from audit.services import record

from ..errors import MESSAGES, EventStateError
from ..models import Enrollment, Event, EventSession, ProgrammeItem
from .enrollment import locked_event, promote_from_waiting_list, queue_enrollment_email
from .seats import recount_seats

# A change of these moves the event in participants' calendars: its revision grows and they are e-mailed.
CALENDAR_FIELDS = ("start", "end", "format", "venue", "online_url")
# A change of these goes on the audit trail with the old and the new value.
AUDITED_FIELDS = ("start", "end", "capacity", "capacity_onsite", "capacity_online")


def save_event(*, event: Event, by) -> Event:
    """Save staff's edit of an event (or a new event) as staff member `by` made it, and write the trail: publishing
    it (`event.published`) and changing its time or capacity (`event.changed`, with {field: [old, new]}).

    What follows from the change (the waiting list moving up, participants told) is capacity_changed's and
    notify_event_changed's, called after this in the same transaction; a cancellation goes through cancel_event.
    """
    with transaction.atomic():
        before = None
        if event.pk is not None:
            locked = Event.objects.select_for_update().filter(pk=event.pk)
            before = locked.values("status", "format", *AUDITED_FIELDS).first()
        event.save()
        if before is not None and before["format"] != event.format:
            realign_seats(event)
        if event.status == Event.Status.PUBLISHED and (before is None or before["status"] != Event.Status.PUBLISHED):
            record(actor=by, action="event.published", obj=event, network=event.network)
        changes = {
            field: [before[field], getattr(event, field)]
            for field in AUDITED_FIELDS
            if before is not None and before[field] != getattr(event, field)
        }
        if changes:
            record(actor=by, action="event.changed", obj=event, network=event.network, details=changes)
    return event


def realign_seats(event: Event) -> None:
    """After staff changed an event's format (its row locked): a non-hybrid event's enrolments all take its one
    mode, and the seat counters are counted again from the enrolments."""
    if not event.is_hybrid:
        one = event.seat_mode("")
        live = event.enrollments.exclude(status=Enrollment.Status.CANCELLED)
        live.exclude(mode=one).update(mode=one, updated_at=timezone.now())
        live.exclude(waiting_mode="").update(waiting_mode="", waiting_since=None)
    recount_seats(event)


def cancel_event(*, event: Event, by) -> int:
    """Cancel an event as staff member `by` decided, and notify everyone enrolled (confirmed and waiting).
    Returns how many were notified; the audit trail gets the cancellation.

    The enrolments keep their status, so the participants' pages show the event as cancelled, and the seat
    counters stay as they are (they still equal the confirmed enrolments). The event's revision grows, so
    calendar programs replace their copy with the cancelled one.
    """
    with transaction.atomic():
        event = locked_event(event)
        if event.status == Event.Status.CANCELLED:
            raise EventStateError(MESSAGES["event_already_cancelled"])
        if event.end <= timezone.now():
            raise EventStateError(MESSAGES["event_over"])
        was_published = event.status == Event.Status.PUBLISHED
        event.status = Event.Status.CANCELLED
        event.revision += 1
        event.save(update_fields=["status", "revision", "updated_at"])
        notified = 0
        if was_published:
            live = event.enrollments.exclude(status=Enrollment.Status.CANCELLED).values_list("pk", flat=True)
            for enrollment_id in live:
                queue_enrollment_email(enrollment_id, "event_cancelled")
                notified += 1
        record(
            actor=by,
            action="event.cancelled",
            obj=event,
            network=event.network,
            details={"was_published": was_published, "notified": notified},
        )
    return notified


def changes_calendar(changed_fields) -> bool:
    """Whether staff changed the event's time, format or place (any language of the venue)."""
    return bool(set(changed_fields) & set(CALENDAR_FIELDS)) or any(f.startswith("venue_") for f in changed_fields)


def notify_event_changed(*, event: Event, changed_fields) -> int:
    """After staff changed an event's time, format or place: raise its revision (the SEQUENCE of its calendar
    entries) and e-mail everyone enrolled, if it is published and not over. Returns how many will be e-mailed."""
    if not changes_calendar(changed_fields):
        return 0
    with transaction.atomic():
        Event.objects.filter(pk=event.pk).update(revision=F("revision") + 1)
        event.refresh_from_db(fields=["revision"])
        if event.status != Event.Status.PUBLISHED or event.end <= timezone.now():
            return 0
        live = list(event.enrollments.exclude(status=Enrollment.Status.CANCELLED).values_list("pk", flat=True))
        for enrollment_id in live:
            queue_enrollment_email(enrollment_id, "event_changed")
    return len(live)


def capacity_changed(*, event: Event) -> list[Enrollment]:
    """After staff raise a capacity (either mode's), the waiting members move up into the new seats."""
    with transaction.atomic():
        return promote_from_waiting_list(event=locked_event(event))


def duplicate_event(*, event: Event) -> Event:
    """Copy an event as a draft, with its programme and sessions but without enrolments; staff set the dates."""
    with transaction.atomic():
        copy = Event.objects.get(pk=event.pk)
        copy.pk = None
        copy.id = None
        copy.series = None
        copy.status = Event.Status.DRAFT
        copy.revision = 0
        copy.confirmed_onsite_count = copy.confirmed_online_count = 0
        copy.slug = _free_slug(f"{event.slug}-copy")
        copy._state.adding = True
        copy.save()
        for related in (*ProgrammeItem.objects.filter(event=event), *EventSession.objects.filter(event=event)):
            related.pk = None
            related.event = copy
            related._state.adding = True
            related.save()
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


def generate_upcoming_occurrences(*, months: int = 3) -> int:
    """Generate every active series' occurrences up to `months` months ahead; returns how many were created."""
    from ..series import keep_series_generated

    return keep_series_generated(months=months)


def generate_next_occurrences(*, series, count: int) -> int:
    """The admin action: generate the next `count` occurrences of a series; returns how many were new."""
    from ..series import generate_occurrences

    return len(generate_occurrences(series=series, count=count))
