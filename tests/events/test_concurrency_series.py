"""The beat generating a series' occurrences while members enrol in the series and drop dates, in real threads
on PostgreSQL: every subscriber ends enrolled in every coming date (but those they dropped), no date is
overbooked and the seat counters are true. Without the series-row lock in subscribing, a member who subscribes
while the beat runs misses the dates it creates, and the test sees it."""

import datetime as dt
import time

import pytest

from events import services
from events.models import Enrollment, Event, EventSeries, SeriesSubscription
from events.series import generate_occurrences
from events.services import series_subscriptions
from events.services.seats import real_counts
from tests.factories import UserFactory
from tests.helpers import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

SEATS = 4


@pytest.fixture
def slow_enrolment(monkeypatch):
    """Widen the window in which each date's enrolment runs, as a busy server would."""
    enroll_subscriber = series_subscriptions._enroll_subscriber

    def slow(*args, **kwargs):
        time.sleep(0.03)
        return enroll_subscriber(*args, **kwargs)

    monkeypatch.setattr(series_subscriptions, "_enroll_subscriber", slow)


def race():
    series = EventSeries.objects.create(
        title_fi="Aamu",
        rrule="FREQ=WEEKLY",
        starts_on=dt.date.today() - dt.timedelta(days=30),
        start_time=dt.time(8, 15),
        duration_minutes=40,
        kind=Event.Kind.MORNING_MEETING,
        format=Event.Format.ONLINE,
        capacity=SEATS,
    )
    first_dates = generate_occurrences(series=series, count=2)
    regulars = UserFactory.create_batch(6)
    for user in regulars:
        services.subscribe_to_series(series=series, user=user)
    newcomers = UserFactory.create_batch(6)
    droppers = regulars[:3]
    calls = [lambda: generate_occurrences(series=series, count=5)]
    calls += [lambda user=user: services.subscribe_to_series(series=series, user=user) for user in newcomers]
    calls += [lambda user=user: services.drop_series_date(event=first_dates[0], user=user) for user in droppers]
    _results, errors = run_concurrently(calls)
    return series, first_dates[0], droppers, errors


def missing_dates(series, dropped_date, droppers):
    """(user, date) pairs where an active subscriber has no live enrolment in a coming date they did not drop."""
    missing = []
    dropped = {(user.pk, dropped_date.pk) for user in droppers}
    for subscription in SeriesSubscription.objects.filter(series=series, is_active=True):
        for event in series.events.all():
            if (subscription.user_id, event.pk) in dropped:
                continue
            live = Enrollment.objects.filter(event=event, user_id=subscription.user_id).exclude(status="cancelled")
            if not live.exists():
                missing.append((subscription.user_id, event.pk))
    return missing


def test_generating_dates_while_members_enrol_in_the_series_and_drop_dates_misses_nobody(slow_enrolment):
    series, dropped_date, droppers, errors = race()
    assert errors == []
    assert series.events.count() == 5
    assert missing_dates(series, dropped_date, droppers) == []
    for event in series.events.all():
        counters = {
            "confirmed_onsite_count": event.confirmed_onsite_count,
            "confirmed_online_count": event.confirmed_online_count,
        }
        assert counters == real_counts(event)
        assert event.confirmed_online_count <= SEATS
        assert event.enrollments.exclude(status="cancelled").count() >= SEATS  # 12 members want each date


def test_without_the_series_lock_a_member_subscribing_during_the_generation_misses_dates(slow_enrolment, monkeypatch):
    """Proof that the test above can fail."""
    monkeypatch.setattr(series_subscriptions, "LOCK_SERIES_ROW", False)
    series, dropped_date, droppers, _errors = race()
    assert missing_dates(series, dropped_date, droppers) != []
