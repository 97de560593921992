"""A storm of enrolments, cancellations and mode switches at a hybrid event, in real threads on PostgreSQL: the
counters on the event row end equal to the real counts, no mode is overbooked, and nobody waits for a mode that
has a free seat. Without the event-row lock the same storm overbooks, which proves the test can fail."""

import random
import time

import pytest

from events import selectors, services
from events.models import Enrollment, Event
from events.services import enrollment as enrollment_services
from events.services.seats import real_counts
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ONSITE, ONLINE = Enrollment.Mode.ONSITE, Enrollment.Mode.ONLINE
SEATS = 6


@pytest.fixture
def slow_seats(monkeypatch):
    """Widen the window between reading the free seats and writing, as a busy server would."""
    seats_left = selectors.seats_left

    def slow(*args, **kwargs):
        left = seats_left(*args, **kwargs)
        time.sleep(0.02)
        return left

    monkeypatch.setattr(selectors, "seats_left", slow)


def hybrid_event():
    return EventFactory(format=Event.Format.HYBRID, venue_fi="Sali", capacity_onsite=SEATS, capacity_online=SEATS)


def storm(event):
    """Four seats taken in each mode beforehand, then 24 newcomers, 3 cancellations and 5 switches at once."""
    rng = random.Random(12)
    holders = [services.enroll(event=event, user=UserFactory(), mode=mode) for mode in [ONSITE, ONLINE] * 4]
    newcomers = UserFactory.create_batch(24)
    modes = [rng.choice([ONSITE, ONLINE]) for _ in newcomers]
    calls = [
        lambda u=u, m=m: services.enroll(event=event, user=u, mode=m) for u, m in zip(newcomers, modes, strict=True)
    ]
    calls += [lambda e=e: services.cancel_enrollment(enrollment=e, user=e.user) for e in holders[:3]]
    calls += [
        lambda e=e, how=how: services.switch_mode(
            enrollment=e, user=e.user, mode=ONLINE if e.mode == ONSITE else ONSITE, if_full=how
        )
        for e, how in zip(holders[3:], [services.IfFull.KEEP_SEAT, services.IfFull.GIVE_UP_SEAT] * 3, strict=False)
    ]
    rng.shuffle(calls)
    return run_concurrently(calls)


def confirmed_per_mode(event):
    confirmed = event.enrollments.filter(status=Enrollment.Status.CONFIRMED)
    return {mode: confirmed.filter(mode=mode).count() for mode in (ONSITE, ONLINE)}


def test_a_storm_of_enrolments_cancellations_and_switches_leaves_true_counters_and_no_overbooking(slow_seats):
    event = hybrid_event()
    _results, errors = storm(event)
    assert [error for error in errors if not isinstance(error, services.EnrollmentError)] == []
    event.refresh_from_db()
    assert {
        "confirmed_onsite_count": event.confirmed_onsite_count,
        "confirmed_online_count": event.confirmed_online_count,
    } == real_counts(event)
    assert confirmed_per_mode(event) == {ONSITE: SEATS, ONLINE: SEATS}  # 29 live for 12 seats: all taken
    for mode in (ONSITE, ONLINE):
        # Nobody waits while a seat of their mode is free, and each list is in the order members joined it.
        assert selectors.seats_left(event, mode) == 0 or not selectors.someone_waiting(event, mode)
        queue = list(selectors.waiting_list(event, mode).values_list("waiting_since", flat=True))
        assert queue == sorted(queue)


def test_without_the_row_lock_the_same_storm_overbooks(slow_seats, monkeypatch):
    """Proof that the test above can fail: with the lock switched off, some mode ends with too many confirmed."""
    monkeypatch.setattr(enrollment_services, "LOCK_EVENT_ROW", False)
    event = hybrid_event()
    storm(event)
    assert max(confirmed_per_mode(event).values()) > SEATS
