"""The enrolment rules of events.services, as a member and staff meet them."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import translation

from events import selectors, services
from events.models import Enrollment, Event, SessionAttendance
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The rules' messages are read in English here; the e-mails still go out in each member's language."""
    translation.activate("en")


def live(event):
    return Enrollment.objects.filter(event=event).exclude(status=Enrollment.Status.CANCELLED)


def test_member_within_capacity_is_confirmed(user):
    event = EventFactory(capacity=2)
    enrollment = services.enroll(event=event, user=user)
    assert enrollment.status == Enrollment.Status.CONFIRMED
    assert enrollment.mode == Enrollment.Mode.ONLINE


def test_member_past_capacity_is_waitlisted_in_order(full_event):
    first, second = UserFactory(), UserFactory()
    services.enroll(event=full_event, user=first)
    services.enroll(event=full_event, user=second)
    from events.selectors import live_enrollment

    assert live_enrollment(first, full_event).status == Enrollment.Status.WAITLISTED
    assert live_enrollment(first, full_event).position == 1
    assert live_enrollment(second, full_event).position == 2


def test_event_without_capacity_confirms_everyone():
    event = EventFactory(capacity=None)
    for _ in range(5):
        services.enroll(event=event, user=UserFactory())
    assert set(live(event).values_list("status", flat=True)) == {Enrollment.Status.CONFIRMED}


def test_enrolling_twice_is_refused_and_adds_no_row(user):
    event = EventFactory()
    services.enroll(event=event, user=user)
    with pytest.raises(services.EnrollmentError, match="already enrolled"):
        services.enroll(event=event, user=user)
    assert live(event).count() == 1


def test_member_may_enroll_again_after_cancelling(user):
    event = EventFactory()
    enrollment = services.enroll(event=event, user=user)
    services.cancel_enrollment(enrollment=enrollment, user=user)
    again = services.enroll(event=event, user=user)
    assert again.status == Enrollment.Status.CONFIRMED and again.pk != enrollment.pk


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": Event.Status.DRAFT}, "not open for enrolment"),
        ({"status": Event.Status.CANCELLED}, "has been cancelled"),
        ({"start": in_days(-1), "end": in_days(-1, 1)}, "already started"),
    ],
)
def test_draft_cancelled_and_past_events_refuse_enrolment(user, changes, message):
    event = EventFactory(**changes)
    with pytest.raises(services.EnrollmentError, match=message):
        services.enroll(event=event, user=user)
    assert not Enrollment.objects.exists()


def test_enrolment_opens_and_closes_at_the_set_times(user):
    opens = in_days(1)
    closes = opens + dt.timedelta(days=5)
    event = EventFactory(enrollment_opens=opens, enrollment_closes=closes, start=closes + dt.timedelta(days=3))
    with pytest.raises(services.EnrollmentError, match="Enrolment opens on"):
        services.enroll(event=event, user=user)
    with time_machine.travel(closes + dt.timedelta(minutes=1)):
        with pytest.raises(services.EnrollmentError, match="Enrolment closed on"):
            services.enroll(event=event, user=user)
    with time_machine.travel(opens + dt.timedelta(minutes=1)):
        assert services.enroll(event=event, user=user).status == Enrollment.Status.CONFIRMED


def test_members_only_event_refuses_an_outsider_and_takes_an_active_member(user):
    network = NetworkFactory()
    event = EventFactory(network=network, audience=Event.Audience.NETWORK_MEMBERS)
    with pytest.raises(services.EnrollmentError, match="members of its network only"):
        services.enroll(event=event, user=user)
    MembershipFactory(user=user, network=network)
    assert services.enroll(event=event, user=user).status == Enrollment.Status.CONFIRMED


def test_pending_member_counts_as_an_outsider(user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network, status="pending")
    event = EventFactory(network=network, audience=Event.Audience.NETWORK_MEMBERS)
    with pytest.raises(services.EnrollmentError):
        services.enroll(event=event, user=user)


@pytest.mark.parametrize(
    ("event_format", "mode"),
    [("online", "onsite"), ("onsite", "online"), ("hybrid", ""), ("hybrid", "backstage")],
)
def test_forged_or_missing_participation_mode_is_refused(user, event_format, mode):
    event = EventFactory(format=event_format, venue_fi="Sali 1")
    with pytest.raises(services.EnrollmentError, match="on site or online"):
        services.enroll(event=event, user=user, mode=mode)
    assert not Enrollment.objects.exists()


def test_hybrid_event_keeps_the_chosen_mode(user):
    event = EventFactory(format="hybrid", venue_fi="Sali 1")
    assert services.enroll(event=event, user=user, mode="onsite").mode == "onsite"


def test_answers_keep_only_the_events_questions_and_require_the_required_ones(user):
    event = EventFactory(
        questions=[
            {"key": "diet", "label": {"fi": "Ruokavalio", "en": "Dietary needs"}},
            {"key": "org", "label": "Organisation", "required": True},
        ]
    )
    with pytest.raises(services.EnrollmentError, match="answer the question"):
        services.enroll(event=event, user=user, answers={"diet": "vegaani"})
    enrollment = services.enroll(event=event, user=user, answers={"diet": " vegaani ", "org": "X", "admin": "yes"})
    assert enrollment.answers == {"diet": "vegaani", "org": "X"}


def test_cancelling_promotes_first_waitlisted_member_and_emails_them(full_event, on_commit):
    holder = full_event.enrollments.get()
    first, second = UserFactory(email="first@example.org"), UserFactory()
    services.enroll(event=full_event, user=first)
    services.enroll(event=full_event, user=second)
    mail.outbox.clear()
    with on_commit():
        services.cancel_enrollment(enrollment=holder, user=holder.user)
    statuses = dict(full_event.enrollments.values_list("user__email", "status"))
    assert statuses[first.email] == Enrollment.Status.CONFIRMED
    assert statuses[second.email] == Enrollment.Status.WAITLISTED
    recipients = {message.to[0]: message for message in mail.outbox}
    assert set(recipients) == {holder.user.email, first.email}
    assert "Paikka vapautui" in recipients[first.email].subject


def test_cancelling_someone_elses_enrolment_is_refused_and_changes_nothing(user):
    enrollment = EnrollmentFactory()
    with pytest.raises(services.NotYourEnrollment):
        services.cancel_enrollment(enrollment=enrollment, user=user)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CONFIRMED


def test_confirmed_member_cannot_cancel_after_the_deadline_but_a_waitlisted_one_can_leave(user):
    event = EventFactory(capacity=1, cancellation_deadline=in_days(1))
    confirmed = services.enroll(event=event, user=user)
    waiting = services.enroll(event=event, user=UserFactory())
    with time_machine.travel(in_days(2)):
        with pytest.raises(services.EnrollmentError, match="cancellation deadline"):
            services.cancel_enrollment(enrollment=confirmed, user=user)
        services.cancel_enrollment(enrollment=waiting, user=waiting.user)
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.status == Enrollment.Status.CONFIRMED
    assert waiting.status == Enrollment.Status.CANCELLED


def test_cancelling_twice_is_refused(user):
    enrollment = services.enroll(event=EventFactory(), user=user)
    services.cancel_enrollment(enrollment=enrollment, user=user)
    with pytest.raises(services.EnrollmentError, match="already been cancelled"):
        services.cancel_enrollment(enrollment=enrollment, user=user)


def test_the_page_asks_the_cancellation_rule_the_service_enforces(user):
    event = EventFactory(capacity=1, cancellation_deadline=in_days(1))
    confirmed = services.enroll(event=event, user=user)
    waiting = services.enroll(event=event, user=UserFactory())
    assert selectors.may_cancel(confirmed) and selectors.may_cancel(waiting)
    with time_machine.travel(in_days(2)):
        assert not selectors.may_cancel(confirmed)
        assert selectors.may_cancel(waiting)


def test_an_enrolment_in_a_cancelled_event_is_not_cancelled_again_by_the_member(user):
    enrollment = services.enroll(event=EventFactory(), user=user)
    services.cancel_event(event=enrollment.event, by=None)
    enrollment.refresh_from_db()
    assert not selectors.may_cancel(enrollment)
    with pytest.raises(services.EnrollmentError, match="event has been cancelled"):
        services.cancel_enrollment(enrollment=enrollment, user=user)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CONFIRMED


def test_a_newcomer_does_not_jump_the_waiting_list_when_staff_add_seats(full_event):
    waiting = services.enroll(event=full_event, user=UserFactory())
    Event.objects.filter(pk=full_event.pk).update(capacity=2)
    full_event.refresh_from_db()
    newcomer = services.enroll(event=full_event, user=UserFactory())
    assert newcomer.status == Enrollment.Status.WAITLISTED
    services.capacity_changed(event=full_event)
    waiting.refresh_from_db()
    newcomer.refresh_from_db()
    assert waiting.status == Enrollment.Status.CONFIRMED
    assert newcomer.status == Enrollment.Status.WAITLISTED


@pytest.mark.django_db(transaction=True)
def test_promotion_must_run_inside_the_locking_transaction():
    full_event = EventFactory(capacity=1)
    with pytest.raises(RuntimeError):
        services.promote_from_waiting_list(event=full_event)


def test_cancelling_an_event_notifies_everyone_enrolled_and_closes_enrolment(full_event, on_commit):
    waiting = services.enroll(event=full_event, user=UserFactory(preferred_language="sv"))
    mail.outbox.clear()
    staff = UserFactory(is_staff=True)
    with on_commit():
        assert services.cancel_event(event=full_event, by=staff) == 2
    full_event.refresh_from_db()
    assert full_event.status == Event.Status.CANCELLED
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[waiting.user.email].startswith("Evenemanget har ställts in")
    assert all(b"METHOD:CANCEL" in message.attachments[0][1].encode() for message in mail.outbox)
    with pytest.raises(services.EnrollmentError):
        services.enroll(event=full_event, user=UserFactory())
    with pytest.raises(services.EventStateError):
        services.cancel_event(event=full_event, by=staff)


def test_duplicate_event_is_a_draft_with_the_programme_and_sessions_but_no_enrolments():
    event = EventFactory(slug="good-spiral-day")
    EventSessionFactory(event=event)
    event.programme.create(start=event.start, title_fi="Avaus")
    EnrollmentFactory(event=event)
    copy = services.duplicate_event(event=event)
    assert copy.slug == "good-spiral-day-copy" and copy.status == Event.Status.DRAFT
    assert copy.programme.count() == 1 and copy.sessions.count() == 1 and copy.enrollments.count() == 0
    assert services.duplicate_event(event=event).slug == "good-spiral-day-copy-2"


def test_attendance_is_recorded_per_session_of_a_course():
    with time_machine.travel(in_days(-30)):
        course = EventFactory(start=in_days(1), end=in_days(20))
        first, second = (EventSessionFactory(event=course) for _ in range(2))
        present, absent = (services.enroll(event=course, user=UserFactory()) for _ in range(2))
    attended = services.record_attendance(
        event=course, attended={present.pk: {first.pk, second.pk}, absent.pk: set()}, by=None
    )
    assert attended == 1
    assert set(SessionAttendance.objects.values_list("enrollment_id", "session_id")) == {
        (present.pk, first.pk),
        (present.pk, second.pk),
    }
    present.refresh_from_db()
    absent.refresh_from_db()
    assert present.attended and not absent.attended


def test_attendance_cannot_be_marked_before_the_event_starts():
    event = EventFactory()
    enrollment = services.enroll(event=event, user=UserFactory())
    with pytest.raises(services.EventStateError):
        services.record_attendance(event=event, attended={enrollment.pk}, by=None)


def test_certificates_go_to_attendees_once_in_their_language(on_commit):
    start = in_days(-3)
    with time_machine.travel(in_days(-10)):
        event = EventFactory(start=start, end=start + dt.timedelta(hours=2))
        attendee = services.enroll(event=event, user=UserFactory(preferred_language="en"))
        services.enroll(event=event, user=UserFactory())
    services.record_attendance(event=event, attended={attendee.pk}, by=None)
    with on_commit():
        assert services.issue_certificates(event=event, by=None) == 1
    assert services.issue_certificates(event=event, by=None) == 0
    attendee.refresh_from_db()
    assert attendee.certificate.language == "en"
    assert [message.subject for message in mail.outbox] == [f"Your participation certificate: {event.title_en}"]


def test_certificates_wait_until_the_event_is_over():
    with pytest.raises(services.EventStateError):
        services.issue_certificates(event=EventFactory(), by=None)


def test_staff_message_reaches_the_chosen_statuses_each_in_their_language(full_event, on_commit):
    holder = full_event.enrollments.get()
    waiting = services.enroll(event=full_event, user=UserFactory(preferred_language="sv"))
    mail.outbox.clear()
    with on_commit():
        count = services.write_to_participants(
            event=full_event,
            statuses=["waitlisted"],
            subject={"fi": "Tärkeää", "sv": "Viktigt"},
            message={"fi": "Sali vaihtuu.", "sv": "Salen byts."},
            by=None,
        )
    assert count == 1
    [message] = mail.outbox
    assert message.to == [waiting.user.email] and message.subject == "Viktigt"
    assert "Ett meddelande från arrangörerna" in message.body and "Salen byts." in message.body
    assert holder.user.email not in message.to


def test_staff_message_falls_back_to_finnish_and_needs_it(full_event, on_commit):
    holder = full_event.enrollments.get()
    holder.user.preferred_language = "en"
    holder.user.save()
    mail.outbox.clear()
    with on_commit():
        services.write_to_participants(
            event=full_event,
            statuses=["confirmed"],
            subject={"fi": "Tärkeää"},
            message={"fi": "Sali vaihtuu."},
            by=None,
        )
    assert [m.subject for m in mail.outbox] == ["Tärkeää"]
    with pytest.raises(services.EventStateError, match="at least in Finnish"):
        services.write_to_participants(
            event=full_event, statuses=["confirmed"], subject={"en": "Hi"}, message={"en": "Hello"}, by=None
        )


def test_releasing_a_leaving_members_seats_moves_the_waiting_list_up(full_event, on_commit):
    holder = full_event.enrollments.get()
    waiting = services.enroll(event=full_event, user=UserFactory())
    mail.outbox.clear()
    with on_commit():
        assert services.release_seats_of(user=holder.user) == 1
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.CONFIRMED
    assert [m.to for m in mail.outbox] == [[waiting.user.email]]  # the promoted member only
