"""A participant of the developer coaching checks in to the running session with the code from the room's screen,
and later finds the certificate on My page and verifies it through its code."""

import datetime as dt

import pytest
from django.utils import timezone

from events import services
from events.models import Event, SessionAttendance
from events.services.checkin import codes_for
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_participant_checks_in_to_a_coaching_session_with_the_code(page, live_server, log_in):
    now = timezone.now()
    course = EventFactory(
        kind=Event.Kind.COACHING_SESSION,
        title_en="Developer coaching",
        start=now - dt.timedelta(weeks=6),
        end=now + dt.timedelta(weeks=6),
    )
    EventSessionFactory(event=course, title_en="Development methods", start=now - dt.timedelta(weeks=6))
    running = EventSessionFactory(
        event=course, title_en="Service design", start=now - dt.timedelta(minutes=5), end=now + dt.timedelta(hours=6)
    )
    member = UserFactory(email="coached@example.org", preferred_language="en")
    EnrollmentFactory(event=course, user=member)
    code = dict((session, code) for session, code in codes_for(course))[running].code  # what the screen shows
    log_in("coached@example.org", next_path=f"/en/events/{course.slug}/")
    field = page.get_by_label("Check-in code")
    field.fill("WRONG2")
    page.get_by_role("button", name="Check in").click()
    page.wait_for_load_state()
    assert page.get_by_text("That is not a valid check-in code.").is_visible()
    assert not SessionAttendance.objects.exists()
    page.get_by_label("Check-in code").fill(code.lower())
    page.get_by_role("button", name="Check in").click()
    page.wait_for_load_state()
    assert page.get_by_text("You are checked in to “Service design”.").is_visible()
    assert SessionAttendance.objects.get().session == running


def test_member_finds_the_certificate_on_my_page_and_verifies_it(page, live_server, log_in):
    now = timezone.now()
    course = EventFactory(
        kind=Event.Kind.COACHING_SESSION,
        title_en="Developer coaching",
        start=now - dt.timedelta(weeks=18),
        end=now - dt.timedelta(days=1),
        completion_rule=Event.CompletionRule.ALL_SESSIONS,
    )
    session = EventSessionFactory(event=course, start=course.start, end=course.end)
    member = UserFactory(email="graduate@example.org", preferred_language="en", first_name="Aino", last_name="Aalto")
    enrollment = EnrollmentFactory(event=course, user=member)
    SessionAttendance.objects.create(session=session, enrollment=enrollment)
    services.issue_due_certificates()
    log_in("graduate@example.org")
    assert page.get_by_role("link", name="Download the participation certificate (PDF)").is_visible()
    page.get_by_role("link", name="verification code").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "Certificate verification"
    assert page.get_by_text("This certificate is genuine").is_visible()
    assert page.get_by_text("Aino Aalto").is_visible() and page.get_by_text("Developer coaching").is_visible()
