"""Hybrid events: an on-site and an online capacity, each with its own waiting list, and switching between them."""

import pytest
import time_machine
from django.utils import translation

from events import selectors, services
from events.models import Enrollment, Event
from events.services.seats import real_counts
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days

pytestmark = pytest.mark.django_db

ONSITE, ONLINE = Enrollment.Mode.ONSITE, Enrollment.Mode.ONLINE
DIET = {"key": "diet", "label": {"en": "Dietary needs"}, "required": True, "onsite": True}


@pytest.fixture(autouse=True)
def in_english():
    """The services' messages in English, as the page of a member who chose English shows them."""
    with translation.override("en"):
        yield


def hybrid(**fields):
    fields = {"format": Event.Format.HYBRID, "venue_fi": "Sali", "capacity_onsite": 1, "capacity_online": 2} | fields
    return EventFactory(**fields)


def counters_are_true(event):
    event.refresh_from_db()
    counters = {
        "confirmed_onsite_count": event.confirmed_onsite_count,
        "confirmed_online_count": event.confirmed_online_count,
    }
    return counters == real_counts(event)


def test_each_mode_fills_its_own_seats_and_queues_its_own_waiting_list():
    event = hybrid()
    onsite = [services.enroll(event=event, user=UserFactory(), mode=ONSITE, answers={"x": 1}) for _ in range(2)]
    online = [services.enroll(event=event, user=UserFactory(), mode=ONLINE) for _ in range(3)]
    assert [e.status for e in onsite] == ["confirmed", "waitlisted"]
    assert [e.status for e in online] == ["confirmed", "confirmed", "waitlisted"]
    event.refresh_from_db()
    assert (event.confirmed_onsite_count, event.confirmed_online_count) == (1, 2)
    assert selectors.seats_left(event, ONSITE) == 0 and selectors.seats_left(event, ONLINE) == 0
    positions = selectors.with_waiting_position(event.enrollments.filter(status="waitlisted")).order_by("pk")
    assert [(e.mode, e.position) for e in positions] == [(ONSITE, 1), (ONLINE, 1)]


def test_a_free_online_seat_does_not_go_to_someone_waiting_on_site():
    event = hybrid(capacity_online=1)
    services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    waiting_onsite = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    online = services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    services.cancel_enrollment(enrollment=online, user=online.user)
    waiting_onsite.refresh_from_db()
    assert waiting_onsite.status == Enrollment.Status.WAITLISTED
    assert counters_are_true(event)


def test_online_participants_are_not_asked_the_onsite_questions():
    event = hybrid(questions=[DIET])
    online = services.enroll(event=event, user=UserFactory(), mode=ONLINE, answers={"diet": "vegan"})
    assert online.answers == {}
    with pytest.raises(services.EnrollmentError):
        services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    onsite = services.enroll(event=event, user=UserFactory(), mode=ONSITE, answers={"diet": "vegan"})
    assert onsite.answers == {"diet": "vegan"}


def test_switching_into_a_mode_with_a_free_seat_moves_at_once_and_frees_the_old_seat_for_the_next():
    event = hybrid(capacity_onsite=1, capacity_online=5)
    mover = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    next_in_line = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    services.switch_mode(enrollment=mover, user=mover.user, mode=ONLINE)
    mover.refresh_from_db()
    next_in_line.refresh_from_db()
    assert (mover.status, mover.mode) == ("confirmed", ONLINE)
    assert (next_in_line.status, next_in_line.mode) == ("confirmed", ONSITE)
    assert counters_are_true(event)


def test_switching_into_a_full_mode_keeps_the_old_seat_until_promoted():
    event = hybrid(capacity_onsite=1, capacity_online=1)
    online_holder = services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    mover = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    services.switch_mode(enrollment=mover, user=mover.user, mode=ONLINE, if_full=services.IfFull.KEEP_SEAT)
    mover.refresh_from_db()
    assert (mover.status, mover.mode, mover.waiting_mode) == ("confirmed", ONSITE, ONLINE)
    assert selectors.live_enrollment(mover.user, event).position == 1
    services.cancel_enrollment(enrollment=online_holder, user=online_holder.user)
    mover.refresh_from_db()
    assert (mover.status, mover.mode, mover.waiting_mode) == ("confirmed", ONLINE, "")
    event.refresh_from_db()
    assert (event.confirmed_onsite_count, event.confirmed_online_count) == (0, 1)
    assert counters_are_true(event)


def test_giving_up_the_old_seat_while_waiting_lets_the_next_in_line_have_it():
    event = hybrid(capacity_onsite=1, capacity_online=1)
    services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    mover = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    behind = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    services.switch_mode(enrollment=mover, user=mover.user, mode=ONLINE, if_full=services.IfFull.GIVE_UP_SEAT)
    mover.refresh_from_db()
    behind.refresh_from_db()
    assert (mover.status, mover.mode) == ("waitlisted", ONLINE)
    assert behind.status == "confirmed"
    assert counters_are_true(event)


def test_a_switch_into_a_full_mode_the_member_would_not_wait_for_changes_nothing():
    event = hybrid(capacity_onsite=1, capacity_online=1)
    services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    mover = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    before = Enrollment.objects.filter(pk=mover.pk).values().get()
    with pytest.raises(services.EnrollmentError, match="No seat is free"):
        services.switch_mode(enrollment=mover, user=mover.user, mode=ONLINE, if_full=services.IfFull.DO_NOT_WAIT)
    assert Enrollment.objects.filter(pk=mover.pk).values().get() == before


def test_switching_on_a_non_hybrid_event_is_refused():
    event = EventFactory(capacity=3)
    enrollment = services.enroll(event=event, user=UserFactory())
    with pytest.raises(services.EnrollmentError, match="only one way"):
        services.switch_mode(enrollment=enrollment, user=enrollment.user, mode=ONSITE)


def test_nobody_can_switch_another_members_enrolment():
    event = hybrid()
    enrollment = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    with pytest.raises(services.NotYourEnrollment):
        services.switch_mode(enrollment=enrollment, user=UserFactory(), mode=ONLINE)


def test_leaving_a_switch_waiting_list_keeps_the_seat_and_moves_the_next_up():
    event = hybrid(capacity_onsite=1, capacity_online=1)
    services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    first = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    services.switch_mode(enrollment=first, user=first.user, mode=ONLINE)
    second = services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    assert selectors.live_enrollment(second.user, event).position == 2
    services.leave_waiting_list(enrollment=first, user=first.user)
    first.refresh_from_db()
    assert (first.status, first.mode, first.waiting_mode) == ("confirmed", ONSITE, "")
    assert selectors.live_enrollment(second.user, event).position == 1


def test_leaving_a_waiting_list_one_is_not_on_is_refused():
    event = hybrid()
    enrollment = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    with pytest.raises(services.EnrollmentError, match="not on this event's waiting list"):
        services.leave_waiting_list(enrollment=enrollment, user=enrollment.user)
    enrollment.refresh_from_db()
    assert enrollment.status == "confirmed"


def test_the_hybrid_page_shows_seats_per_mode_and_offers_online_when_onsite_is_full(member_client, user):
    event = hybrid(capacity_onsite=1, capacity_online=None, title_en="Hybrid day")
    services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    page = member_client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Seats: On site" in page and "Unlimited" in page
    assert "On site (full: you join the waiting list)" in page
    response = member_client.post(f"/en/events/{event.slug}/enrol/", {"mode": ONLINE}, follow=True)
    assert "You are enrolled." in response.content.decode()
    assert Enrollment.objects.get(user=user).mode == ONLINE


def test_a_switch_from_the_page_into_a_full_mode_waits_and_shows_the_position(member_client, user):
    event = hybrid(capacity_onsite=1, capacity_online=3)
    services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    mine = services.enroll(event=event, user=user, mode=ONLINE)
    response = member_client.post(f"/en/events/enrolments/{mine.pk}/mode/", {"if_full": "keep_seat"}, follow=True)
    page = response.content.decode()
    assert "You are on the waiting list for “On site” in position 1." in page
    mine.refresh_from_db()
    assert (mine.mode, mine.waiting_mode) == (ONLINE, ONSITE)


def test_a_forged_switch_choice_is_a_message_not_an_error(member_client, user):
    event = hybrid()
    mine = services.enroll(event=event, user=user, mode=ONLINE)
    response = member_client.post(f"/en/events/enrolments/{mine.pk}/mode/", {"if_full": "jump_the_queue"})
    assert response.status_code == 400
    assert "Choose what happens if there is no free seat." in response.content.decode()
    mine.refresh_from_db()
    assert mine.mode == ONLINE


def test_another_members_enrolment_cannot_be_switched_from_the_page(member_client):
    event = hybrid()
    other = services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    assert member_client.post(f"/en/events/enrolments/{other.pk}/mode/", {"if_full": "keep_seat"}).status_code == 404


def test_a_hybrid_event_keeps_its_single_capacity_empty():
    from django.core.exceptions import ValidationError

    event = hybrid(capacity=10)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "capacity" in error.value.message_dict


def test_the_events_list_shows_the_seats_of_each_mode(client):
    event = hybrid(capacity_onsite=1, capacity_online=3, title_en="Hybrid day")
    services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    page = client.get("/en/events/").content.decode()
    assert "On site: full, you can join the waiting list" in page
    assert "Online: 3 seats left" in page


def test_a_switch_is_confirmed_by_email_with_the_new_mode(on_commit):
    from django.core import mail

    event = hybrid(capacity_onsite=2, capacity_online=2, title_en="Hybrid day")
    mine = services.enroll(event=event, user=UserFactory(preferred_language="en"), mode=ONSITE)
    mail.outbox.clear()
    with on_commit():
        services.switch_mode(enrollment=mine, user=mine.user, mode=ONLINE)
    [email] = mail.outbox
    assert email.subject == "Way of taking part changed (Online): Hybrid day"
    assert email.attachments[0][1].startswith("BEGIN:VCALENDAR")


def test_a_pending_switch_can_be_withdrawn_after_the_cancellation_deadline():
    event = hybrid(capacity_onsite=1, capacity_online=1, cancellation_deadline=in_days(1))
    services.enroll(event=event, user=UserFactory(), mode=ONLINE)
    mine = services.enroll(event=event, user=UserFactory(), mode=ONSITE)
    services.switch_mode(enrollment=mine, user=mine.user, mode=ONLINE)
    with time_machine.travel(in_days(2)):
        services.leave_waiting_list(enrollment=mine, user=mine.user)
    mine.refresh_from_db()
    assert (mine.status, mine.mode, mine.waiting_mode) == ("confirmed", ONSITE, "")
