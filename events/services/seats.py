"""The seat counters on the event row (Event.confirmed_onsite_count, confirmed_online_count).

Every path that confirms an enrolment or takes a confirmed one away calls take_seat() or free_seat() in the
transaction that holds the event row's lock, so the counters always equal the confirmed enrolments, and pages
read the seats left from the row instead of counting. recount_seats() rebuilds them from the enrolments (a
format change, the data migration, the repair command).
"""

from django.db.models import Count, F, Q

from ..models import Enrollment, Event


def _shift(event: Event, mode: str, step: int) -> None:
    field = Event.counter_field(event.seat_mode(mode))
    # F(): the database adds to what it holds, so the column stays exact even where a test removes the lock.
    Event.objects.filter(pk=event.pk).update(**{field: F(field) + step})
    setattr(event, field, getattr(event, field) + step)


def take_seat(event: Event, mode: str) -> None:
    """A confirmed enrolment in `mode` came in (enrolled, promoted, switched into the mode)."""
    _shift(event, mode, 1)


def free_seat(event: Event, mode: str) -> None:
    """A confirmed enrolment in `mode` went away (cancelled, switched out, erased with its account)."""
    _shift(event, mode, -1)


def seat_in_mode(event: Event, enrollment: Enrollment, mode: str) -> bool:
    """Confirm the enrolment in `mode`, taking a seat there and giving back the seat it held in its old mode (a
    switch); the caller saves it. True when it held a seat before, which the other mode's list may now take."""
    held_seat = enrollment.status == Enrollment.Status.CONFIRMED
    if held_seat:
        free_seat(event, enrollment.mode)
    take_seat(event, mode)
    enrollment.status = Enrollment.Status.CONFIRMED
    enrollment.mode = mode
    enrollment.waiting_mode = ""
    enrollment.waiting_since = None
    return held_seat


def real_counts(event: Event) -> dict[str, int]:
    """The counters as the confirmed enrolments give them, counted now."""
    confirmed = Enrollment.objects.filter(event=event, status=Enrollment.Status.CONFIRMED)
    if event.is_hybrid:
        counts = confirmed.aggregate(
            onsite=Count("pk", filter=~Q(mode=Enrollment.Mode.ONLINE)),
            online=Count("pk", filter=Q(mode=Enrollment.Mode.ONLINE)),
        )
    else:
        total = confirmed.count()
        one = event.seat_mode("")
        counts = {"onsite": total if one == Enrollment.Mode.ONSITE else 0, "online": total if one != "onsite" else 0}
    return {"confirmed_onsite_count": counts["onsite"], "confirmed_online_count": counts["online"]}


def recount_seats(event: Event) -> Event:
    """Set the event's counters from its enrolments; call with the event row locked (or before anyone enrols)."""
    counts = real_counts(event)
    Event.objects.filter(pk=event.pk).update(**counts)
    for field, value in counts.items():
        setattr(event, field, value)
    return event
