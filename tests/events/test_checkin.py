"""Self check-in: a confirmed participant types the running session's code on the event page and is marked present;
every wrong code, closed window, stranger or burst of guesses is refused with a clear message and nothing changes."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone, translation

from audit.models import AuditEntry
from events import services
from events.models import CheckinCode, Enrollment, Event, SessionAttendance
from events.qr import qr_data_uri
from events.services.checkin import codes_for
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.helpers import count_queries
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    """A coaching course: a session ten days ago, one running now, one in ten days."""
    now = timezone.now()
    event = EventFactory(
        kind=Event.Kind.COACHING_SESSION,
        title_en="Developer coaching",
        start=now - dt.timedelta(days=10),
        end=now + dt.timedelta(days=10, hours=6),
    )
    event.past = EventSessionFactory(event=event, title_en="Methods", start=now - dt.timedelta(days=10))
    event.running = EventSessionFactory(
        event=event, title_en="Service design", start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=5)
    )
    event.future = EventSessionFactory(event=event, title_en="Economics", start=now + dt.timedelta(days=10))
    event.codes = {session.pk: code.code for session, code in codes_for(event)}
    return event


@pytest.fixture
def participant(course, user):
    EnrollmentFactory(event=course, user=user)
    return user


def check_in(client, event, code):
    return client.post(f"/en/events/{event.slug}/check-in/", {"code": code}, follow=True)


def page_text(response) -> str:
    return response.content.decode()


def test_participant_checks_in_to_the_running_session_with_its_code(member_client, participant, course):
    response = check_in(member_client, course, course.codes[course.running.pk])
    assert "You are checked in to “Service design”." in page_text(response)
    attendance = SessionAttendance.objects.get()
    assert attendance.session == course.running and attendance.enrollment.user == participant
    assert attendance.enrollment.attended


def test_a_second_check_in_says_already_checked_in_and_adds_nothing(member_client, participant, course):
    check_in(member_client, course, course.codes[course.running.pk])
    response = check_in(member_client, course, course.codes[course.running.pk])
    assert "You had already checked in to “Service design”." in page_text(response)
    assert SessionAttendance.objects.count() == 1


def test_code_may_be_typed_in_lower_case_with_spaces(participant, course):
    code = course.codes[course.running.pk]
    result = services.check_in(event=course, user=participant, code=f" {code[:3].lower()} {code[3:].lower()} ")
    assert result.title == course.running.title and not result.already


@pytest.mark.parametrize("code", ["ZZZZZZ", "abc", "", "A" * 40, "ABC\x00EF", "ÄÄÄÄÄÄ", "<script>"])
def test_wrong_or_malformed_code_is_refused_and_nothing_changes(member_client, participant, course, code):
    if code == "ZZZZZZ":
        assert not CheckinCode.objects.filter(code=code).exists()
    response = check_in(member_client, course, code)
    assert response.status_code == 200
    text = page_text(response)
    assert "That is not a valid check-in code." in text or "Enter the check-in code" in text
    assert not SessionAttendance.objects.exists()
    assert not Enrollment.objects.get(user=participant).attended


def test_another_events_code_is_refused(member_client, participant, course):
    other = EventFactory(start=course.running.start, end=course.running.end)
    [(_session, other_code)] = codes_for(other)
    response = check_in(member_client, course, other_code.code)
    assert "That code is for another event." in page_text(response)
    assert not SessionAttendance.objects.exists()


def test_a_past_sessions_code_is_refused_as_closed(member_client, participant, course):
    response = check_in(member_client, course, course.codes[course.past.pk])
    assert "Check-in to “Methods” has closed: the session is over." in page_text(response)
    assert not SessionAttendance.objects.exists()


def test_a_coming_sessions_code_is_refused_until_its_window_opens(member_client, participant, course):
    response = check_in(member_client, course, course.codes[course.future.pk])
    assert "Check-in to “Economics” opens at" in page_text(response)
    assert not SessionAttendance.objects.exists()


def test_check_in_opens_fifteen_minutes_before_the_start_and_closes_at_the_end(participant, course):
    code = course.codes[course.future.pk]
    start, end = course.future.start, course.future.end
    with time_machine.travel(start - dt.timedelta(minutes=16), tick=False):
        with pytest.raises(services.CheckinError):
            services.check_in(event=course, user=participant, code=code)
    with time_machine.travel(start - dt.timedelta(minutes=14), tick=False):
        assert not services.check_in(event=course, user=participant, code=code).already
    SessionAttendance.objects.all().delete()
    with time_machine.travel(end + dt.timedelta(seconds=1), tick=False):
        with translation.override("en"), pytest.raises(services.CheckinError, match="has closed"):
            services.check_in(event=course, user=participant, code=code)
    assert not SessionAttendance.objects.exists()


@pytest.mark.parametrize("status", [Enrollment.Status.WAITLISTED, Enrollment.Status.CANCELLED, None])
def test_only_confirmed_participants_can_check_in(member_client, user, course, status):
    if status:
        EnrollmentFactory(event=course, user=user, status=status)
    response = check_in(member_client, course, course.codes[course.running.pk])
    assert "Only confirmed participants of this event can check in." in page_text(response)
    assert not SessionAttendance.objects.exists()


def test_a_renewed_code_replaces_the_old_one(participant, course, staff_user):
    old = course.codes[course.running.pk]
    renewed = services.regenerate_code(code=CheckinCode.objects.get(code=old), by=staff_user)
    assert renewed.code != old
    with translation.override("en"), pytest.raises(services.CheckinError, match="not a valid check-in code"):
        services.check_in(event=course, user=participant, code=old)
    assert not services.check_in(event=course, user=participant, code=renewed.code).already


def test_an_event_without_sessions_counts_as_one_session(member_client, user):
    now = timezone.now()
    event = EventFactory(title_en="Network day", start=now + dt.timedelta(minutes=10), end=now + dt.timedelta(hours=3))
    EnrollmentFactory(event=event, user=user)
    [(session, code)] = codes_for(event)
    assert session is None
    assert "You are checked in to “Network day”." in page_text(check_in(member_client, event, code.code))
    assert Enrollment.objects.get(event=event, user=user).attended
    assert "You had already checked in" in page_text(check_in(member_client, event, code.code))


def test_attempts_are_limited_per_member(member_client, participant, course, settings):
    settings.CHECKIN_ATTEMPTS = 3
    for _attempt in range(3):
        check_in(member_client, course, "ZZZZZZ")
    response = check_in(member_client, course, course.codes[course.running.pk])
    assert "Too many check-in attempts." in page_text(response)
    assert not SessionAttendance.objects.exists()


def test_the_limit_is_per_member_not_per_address(client, course, settings):
    settings.CHECKIN_ATTEMPTS = 2
    first, second = UserFactory(), UserFactory()
    for member in (first, second):
        EnrollmentFactory(event=course, user=member)
    client.force_login(first)
    for _attempt in range(3):
        check_in(client, course, "ZZZZZZ")
    client.force_login(second)  # the same address, another member
    assert "You are checked in" in page_text(check_in(client, course, course.codes[course.running.pk]))


def test_visitor_is_asked_to_log_in_and_check_in_is_only_by_post(client, course):
    assert client.post(f"/en/events/{course.slug}/check-in/", {"code": "ABCDEF"}).status_code == 302
    assert client.get(f"/en/events/{course.slug}/check-in/").status_code == 405


def test_the_qr_link_fills_in_the_code_on_the_event_page(member_client, participant, course):
    code = course.codes[course.future.pk]  # even outside the window: the page opened from the room's QR code
    html = page_text(member_client.get(f"/en/events/{course.slug}/?checkin={code.lower()}"))
    assert f'value="{code}"' in html and 'action="/en/events/' in html


def test_a_malformed_code_in_the_link_is_dropped(member_client, participant, course):
    html = page_text(member_client.get(f"/en/events/{course.slug}/", {"checkin": '"><script>x</script>'}))
    assert "<script>x" not in html
    assert 'name="code" id="id_code" value=""' in html  # the form shows (a session is running), empty


def test_the_check_in_form_shows_only_to_confirmed_participants_while_a_session_runs(member_client, user, course):
    assert 'name="code"' not in page_text(member_client.get(f"/en/events/{course.slug}/"))
    EnrollmentFactory(event=course, user=user)
    assert 'name="code"' in page_text(member_client.get(f"/en/events/{course.slug}/"))


def test_a_visitor_opening_the_qr_link_is_offered_a_login_that_keeps_the_code(client, course):
    code = course.codes[course.running.pk]
    html = page_text(client.get(f"/en/events/{course.slug}/?checkin={code}"))
    assert "Log in to check in" in html and f"%3Fcheckin%3D{code}" in html


# The admin's check-in page


def test_staff_open_the_check_in_page_with_a_code_and_qr_code_per_session(staff_client, course):
    change = staff_client.get(f"/admin/events/event/{course.pk}/change/").content.decode()
    assert f"/admin/events/event/{course.pk}/checkin/" in change
    response = staff_client.get(f"/admin/events/event/{course.pk}/checkin/")
    html = response.content.decode()
    for session in (course.past, course.running, course.future):
        code = course.codes[session.pk]
        url = f"http://127.0.0.1:8000/fi/events/{course.slug}/?checkin={code}"
        assert code in html and session.title_en in html
        assert f'src="{qr_data_uri(url)}"' in html  # the QR image, drawn on the server, encodes the link
    assert "img-src 'self' data:" in response["Content-Security-Policy"]
    assert "style=" not in html.split('id="content"')[1] and "<script>" not in html.split('id="content"')[1]


def test_staff_renew_a_code_and_the_audit_trail_records_it(staff_client, course):
    code = CheckinCode.objects.get(session=course.running)
    response = staff_client.post(f"/admin/events/event/{course.pk}/checkin/", {"code": code.pk}, follow=True)
    code.refresh_from_db()
    assert code.code != course.codes[course.running.pk]
    assert f"A new code was made: {code.code}." in response.content.decode()
    entry = AuditEntry.objects.get(action="checkin.code_renewed")
    assert entry.actor == staff_client.user and entry.details == {"session": course.running.pk}


@pytest.mark.parametrize("value", ["abc", "", "99999999", "1\x00"])
def test_renewing_an_unknown_code_is_not_found(staff_client, course, value):
    response = staff_client.post(f"/admin/events/event/{course.pk}/checkin/", {"code": value})
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="checkin.code_renewed").exists()


def test_coordinator_opens_the_check_in_page_of_their_own_networks_event_only(coordinator_client, coordinator):
    own = EventFactory(network=coordinator.own_network)
    other = EventFactory(network=NetworkFactory())
    assert coordinator_client.get(f"/admin/events/event/{own.pk}/checkin/").status_code == 200
    assert coordinator_client.get(f"/admin/events/event/{other.pk}/checkin/").status_code == 404
    code = codes_for(other)[0][1]
    assert coordinator_client.post(f"/admin/events/event/{other.pk}/checkin/", {"code": code.pk}).status_code == 404
    assert CheckinCode.objects.get(pk=code.pk).code == code.code


def test_a_member_cannot_open_the_check_in_page(member_client, course):
    response = member_client.get(f"/admin/events/event/{course.pk}/checkin/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_admin_check_in_page_needs_the_same_queries_for_few_and_many_sessions(staff_client, course):
    path = f"/admin/events/event/{course.pk}/checkin/"
    few = count_queries(staff_client, path)
    EventSessionFactory.create_batch(6, event=course)
    staff_client.get(path)  # the first view creates the new sessions' codes
    assert count_queries(staff_client, path) == few
