"""Staff's decisions on events and enrolments leave an entry in the audit trail, in the decision's transaction."""

import datetime as dt

import pytest
import time_machine
from django.db import transaction
from django.utils.dateparse import parse_datetime

from audit.models import AuditEntry
from events import services
from events.models import Enrollment, Event
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(is_staff=True)


def only_entry(action: str) -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=action)
    return entry


def past_event(**fields) -> Event:
    start = in_days(-2)
    with time_machine.travel(in_days(-5)):
        return EventFactory(start=start, end=start + dt.timedelta(hours=3), network=NetworkFactory(), **fields)


def test_publishing_a_draft_is_recorded_once(staff):
    event = EventFactory(status=Event.Status.DRAFT, network=NetworkFactory())
    services.save_event(event=event, by=staff)
    assert not AuditEntry.objects.exists()
    event.status = Event.Status.PUBLISHED
    services.save_event(event=event, by=staff)
    services.save_event(event=event, by=staff)  # saved again, already published
    entry = only_entry("event.published")
    assert (entry.actor, entry.network, entry.object_id) == (staff, event.network, str(event.pk))


def test_a_new_event_saved_as_published_is_recorded(staff):
    event = EventFactory.build(status=Event.Status.PUBLISHED, network=NetworkFactory())
    services.save_event(event=event, by=staff)
    assert only_entry("event.published").object_id == str(event.pk)


def test_moving_or_resizing_an_event_records_the_old_and_new_values(staff):
    start = in_days(10).replace(microsecond=0)
    event = EventFactory(start=start, end=start + dt.timedelta(hours=1), capacity=10, network=NetworkFactory())
    event.start, event.end, event.capacity = start + dt.timedelta(days=1), start + dt.timedelta(days=1, hours=2), 12
    services.save_event(event=event, by=staff)
    entry = only_entry("event.changed")
    assert (entry.actor, entry.network) == (staff, event.network)
    assert entry.details["capacity"] == [10, 12]
    assert [parse_datetime(value) for value in entry.details["start"]] == [start, start + dt.timedelta(days=1)]
    assert set(entry.details) == {"start", "end", "capacity"}


def test_changing_only_the_texts_records_no_change(staff):
    event = EventFactory(network=NetworkFactory())
    event.title_fi = "Uusi otsikko"
    services.save_event(event=event, by=staff)
    assert not AuditEntry.objects.exists()


def test_cancelling_an_event_is_recorded_with_how_many_were_told(staff):
    event = EventFactory(network=NetworkFactory())
    EnrollmentFactory.create_batch(2, event=event)
    services.cancel_event(event=event, by=staff)
    entry = only_entry("event.cancelled")
    assert (entry.actor, entry.network, entry.details) == (staff, event.network, {"was_published": True, "notified": 2})


def test_a_refused_or_rolled_back_cancellation_leaves_no_entry(staff):
    event = EventFactory(status=Event.Status.CANCELLED)
    with pytest.raises(services.EventStateError):
        services.cancel_event(event=event, by=staff)
    live = EventFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        services.cancel_event(event=live, by=staff)
        raise RuntimeError("the admin's request failed afterwards")
    assert Event.objects.get(pk=live.pk).status == Event.Status.PUBLISHED
    assert not AuditEntry.objects.exists()


def test_staff_cancelling_an_enrolment_is_recorded_but_a_members_own_cancellation_is_not(staff_client):
    event = EventFactory(network=NetworkFactory())
    by_staff, own = EnrollmentFactory.create_batch(2, event=event)
    staff_client.post("/admin/events/enrollment/", {"action": "cancel_enrollments", "_selected_action": [by_staff.pk]})
    services.cancel_enrollment(enrollment=own, user=own.user)
    entry = only_entry("enrollment.cancelled_by_staff")
    assert (entry.actor, entry.person, entry.network) == (staff_client.user, by_staff.user, event.network)
    assert entry.object_id == str(by_staff.pk)
    assert not AuditEntry.objects.filter(person=own.user).exists()


def test_recording_attendance_is_recorded_with_the_counts(staff):
    event = past_event()
    present, absent = EnrollmentFactory.create_batch(2, event=event)
    services.record_attendance(event=event, attended={present.pk}, by=staff)
    entry = only_entry("attendance.marked")
    assert (entry.actor, entry.network, entry.object_id) == (staff, event.network, str(event.pk))
    assert entry.details == {"attended": 1, "confirmed": 2}


def test_marking_enrolments_attended_records_one_entry_per_event(staff_client):
    first, second = past_event(), past_event()
    enrollments = [*EnrollmentFactory.create_batch(2, event=first), EnrollmentFactory(event=second)]
    waiting = EnrollmentFactory(event=first, status=Enrollment.Status.WAITLISTED)  # not marked: not confirmed
    staff_client.post(
        "/admin/events/enrollment/",
        {"action": "mark_attended", "_selected_action": [e.pk for e in (*enrollments, waiting)]},
    )
    entries = AuditEntry.objects.filter(action="attendance.marked", actor=staff_client.user)
    assert sorted((e.network_id, e.details["marked"]) for e in entries) == sorted(
        [(first.network_id, 2), (second.network_id, 1)]
    )


def test_issuing_certificates_records_the_count_once(staff):
    event = past_event()
    EnrollmentFactory.create_batch(3, event=event, attended=True)
    services.issue_certificates(event=event, by=staff)
    services.issue_certificates(event=event, by=staff)  # nothing more to issue: nothing more to record
    entry = only_entry("certificate.issued")
    assert (entry.actor, entry.network, entry.details) == (staff, event.network, {"count": 3})


def test_writing_to_the_participants_is_recorded_without_the_text(staff):
    event = EventFactory(network=NetworkFactory())
    EnrollmentFactory.create_batch(2, event=event)
    texts = {"fi": "Tervetuloa huomenna"}
    services.write_to_participants(event=event, statuses=["confirmed"], subject=texts, message=texts, by=staff)
    entry = only_entry("event.participants_messaged")
    assert (entry.actor, entry.network) == (staff, event.network)
    assert entry.details == {"statuses": ["confirmed"], "recipients": 2}
