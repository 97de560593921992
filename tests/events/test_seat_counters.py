"""The seat counters on the event row follow every path that confirms or removes a seat."""

import pytest

from accounts.services import delete_account
from events import selectors, services
from events.models import Enrollment, Event
from events.services.seats import real_counts
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days

pytestmark = pytest.mark.django_db


def assert_counters_true(event):
    event.refresh_from_db()
    assert {
        "confirmed_onsite_count": event.confirmed_onsite_count,
        "confirmed_online_count": event.confirmed_online_count,
    } == real_counts(event)


def test_enrolling_and_cancelling_keep_the_counter_and_the_seats_left():
    event = EventFactory(capacity=2)
    first = services.enroll(event=event, user=UserFactory())
    services.enroll(event=event, user=UserFactory())
    waiting = services.enroll(event=event, user=UserFactory())
    event.refresh_from_db()
    assert event.confirmed_online_count == 2 and selectors.seats_left(event) == 0
    services.cancel_enrollment(enrollment=first, user=first.user)
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.CONFIRMED
    assert_counters_true(event)


def test_staff_enrolment_takes_a_seat_and_is_on_the_audit_trail(staff_user):
    from audit.models import AuditEntry

    event = EventFactory(capacity=1, enrollment_closes=in_days(-1))
    person = UserFactory()
    enrollment = services.staff_enroll(event=event, user=person, by=staff_user)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    late = services.staff_enroll(event=event, user=UserFactory(), by=staff_user)
    assert late.status == Enrollment.Status.WAITLISTED  # staff cannot jump the queue either
    entry = AuditEntry.objects.get(action="enrollment.added_by_staff", object_id=str(enrollment.pk))
    assert entry.actor == staff_user
    assert_counters_true(event)


def test_staff_cancellation_and_event_cancellation_keep_the_counters(staff_user):
    event = EventFactory(capacity=3)
    enrollments = [services.enroll(event=event, user=UserFactory()) for _ in range(3)]
    services.cancel_enrollment(enrollment=enrollments[0], user=staff_user, by_staff=True)
    assert_counters_true(event)
    services.cancel_event(event=event, by=staff_user)
    assert_counters_true(event)


def test_erasing_an_account_frees_its_seats_in_coming_and_past_events():
    coming = EventFactory(capacity=1)
    past = EventFactory(capacity=5, start=in_days(-3), end=in_days(-3, hours=1))
    leaver = UserFactory()
    services.enroll(event=coming, user=leaver)
    next_in_line = services.enroll(event=coming, user=UserFactory())
    Enrollment.objects.create(event=past, user=leaver, status="confirmed", mode="online")
    Event.objects.filter(pk=past.pk).update(confirmed_online_count=1)
    delete_account(user=leaver, by=leaver)
    next_in_line.refresh_from_db()
    assert next_in_line.status == Enrollment.Status.CONFIRMED
    assert_counters_true(coming)
    assert_counters_true(past)


def test_changing_the_format_moves_the_counts_to_the_new_mode(staff_user):
    event = EventFactory(capacity=5, format=Event.Format.ONLINE)
    services.enroll(event=event, user=UserFactory())
    event.format = Event.Format.ONSITE
    event.venue_fi = "Sali"
    services.save_event(event=event, by=staff_user)
    event.refresh_from_db()
    assert (event.confirmed_onsite_count, event.confirmed_online_count) == (1, 0)
    assert event.enrollments.get().mode == Enrollment.Mode.ONSITE


def test_a_duplicate_enrolment_is_refused_by_the_constraint_and_changes_no_counter():
    event = EventFactory(capacity=5)
    user = UserFactory()
    services.enroll(event=event, user=user)
    with pytest.raises(services.EnrollmentError) as error:
        services.enroll(event=event, user=user)
    assert error.value.message == services.MESSAGES["already_enrolled"]
    assert_counters_true(event)
    assert event.confirmed_online_count == 1


def test_enrolling_takes_four_statements_inside_the_lock_and_counts_nothing():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = EventFactory(capacity=5)
    user = UserFactory()
    with CaptureQueriesContext(connection) as queries:
        services.enroll(event=event, user=user)
    statements = [q["sql"] for q in queries.captured_queries if "SAVEPOINT" not in q["sql"]]
    # the lock (which reads the counter), is anyone waiting, the insert (the constraint checks duplicates), +1
    assert [sql.split()[0] for sql in statements] == ["SELECT", "SELECT", "INSERT", "UPDATE"]
    assert "FOR NO KEY UPDATE" in statements[0]
    assert not any("COUNT(" in sql for sql in statements)


def test_the_events_list_reads_the_counters_without_aggregating_enrolments(client, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    event = EventFactory(capacity=3)
    services.enroll(event=event, user=UserFactory())
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/events/")
    assert "2 seats left" in response.content.decode()
    assert not any("events_enrollment" in query["sql"] for query in queries.captured_queries)
