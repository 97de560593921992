"""No event is ever overbooked: real threads, each with its own PostgreSQL connection, race for the seats."""

import time

import pytest

from events import selectors, services
from events.models import Enrollment
from events.services import enrollment as enrollment_services
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SEATS = 10
ENROLLING = 50


@pytest.fixture
def slow_count(monkeypatch):
    """Widen the window between reading the free seats and writing the enrolment, as a busy server would."""
    seats_left = selectors.seats_left

    def slow(*args, **kwargs):
        left = seats_left(*args, **kwargs)
        time.sleep(0.02)
        return left

    monkeypatch.setattr(selectors, "seats_left", slow)


def enroll_fifty_at_once(event):
    users = UserFactory.create_batch(ENROLLING)
    return run_concurrently([lambda user=user: services.enroll(event=event, user=user) for user in users])


def test_fifty_concurrent_enrolments_fill_ten_seats_and_queue_the_rest_in_order(slow_count):
    event = EventFactory(capacity=SEATS)
    results, errors = enroll_fifty_at_once(event)
    assert errors == []
    statuses = list(event.enrollments.order_by("created_at", "pk").values_list("status", flat=True))
    assert statuses == [Enrollment.Status.CONFIRMED] * SEATS + [Enrollment.Status.WAITLISTED] * (ENROLLING - SEATS)
    positions = list(
        selectors.with_waiting_position(event.enrollments.filter(status=Enrollment.Status.WAITLISTED))
        .order_by("created_at", "pk")
        .values_list("position", flat=True)
    )
    assert positions == list(range(1, ENROLLING - SEATS + 1))
    assert sorted(result.status for result in results) == sorted(statuses)


def test_without_the_row_lock_the_same_race_overbooks(slow_count, monkeypatch):
    """Proof that the test above can fail: switch the lock off and the race lets too many in."""
    monkeypatch.setattr(enrollment_services, "LOCK_EVENT_ROW", False)
    event = EventFactory(capacity=SEATS)
    enroll_fifty_at_once(event)
    assert event.enrollments.filter(status=Enrollment.Status.CONFIRMED).count() > SEATS


def test_cancellations_racing_enrolments_keep_the_seats_full_and_the_queue_in_order(slow_count):
    event = EventFactory(capacity=SEATS)
    holders = [services.enroll(event=event, user=UserFactory()) for _ in range(SEATS)]
    waiting = [services.enroll(event=event, user=UserFactory()) for _ in range(SEATS)]
    newcomers = UserFactory.create_batch(20)
    calls = [
        *(lambda e=e: services.cancel_enrollment(enrollment=e, user=e.user) for e in holders[:5]),
        *(lambda e=e: services.cancel_enrollment(enrollment=e, user=e.user) for e in waiting[5:]),
        *(lambda user=user: services.enroll(event=event, user=user) for user in newcomers),
    ]
    _results, errors = run_concurrently(calls)
    assert errors == []
    live = event.enrollments.exclude(status=Enrollment.Status.CANCELLED).order_by("created_at", "pk")
    statuses = list(live.values_list("status", flat=True))
    # 10 + 10 - 10 cancelled + 20 new = 30 live: the seats are full and everyone later than them waits.
    assert statuses == [Enrollment.Status.CONFIRMED] * SEATS + [Enrollment.Status.WAITLISTED] * 20
    promoted = set(event.enrollments.filter(pk__in=[e.pk for e in waiting[:5]]).values_list("status", flat=True))
    assert promoted == {Enrollment.Status.CONFIRMED}
