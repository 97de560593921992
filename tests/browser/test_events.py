"""A new member finds the next morning meeting from the home page, enrols, sees the Teams link and cancels."""

import datetime as dt

import pytest
from django.core import mail

from events import services
from events.models import Enrollment
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_enrols_in_the_next_morning_meeting_from_the_home_page_and_cancels(page, live_server, log_in):
    start = in_days(5)
    EventFactory(
        title_en="Morning meeting: loneliness",
        kind="morning_meeting",
        start=start,
        end=start + dt.timedelta(minutes=40),
        online_url="https://teams.example.org/hyte-morning",
    )
    UserFactory(email="newcomer@example.org", preferred_language="en")
    log_in("newcomer@example.org")
    page.goto(f"{live_server.url}/en/")
    page.locator(".next-meeting").get_by_role("link", name="Morning meeting: loneliness").click()
    assert page.locator("h1").inner_text() == "Morning meeting: loneliness"
    assert page.get_by_text("teams.example.org").count() == 0
    page.get_by_role("button", name="Enrol").click()
    page.wait_for_load_state()
    assert page.get_by_text("You are enrolled.", exact=True).is_visible()
    assert page.get_by_role("link", name="https://teams.example.org/hyte-morning").is_visible()
    [confirmation] = mail.outbox
    assert confirmation.subject == "Enrolment confirmed: Morning meeting: loneliness"
    assert confirmation.attachments[0][1].startswith("BEGIN:VCALENDAR")
    page.get_by_role("link", name="Cancel my enrolment").click()
    assert page.locator("h1").inner_text() == "Cancel your enrolment in Morning meeting: loneliness?"
    page.get_by_role("button", name="Yes, cancel my enrolment").click()
    page.wait_for_load_state()
    assert page.get_by_text("Your enrolment has been cancelled.").is_visible()
    assert page.get_by_role("button", name="Enrol").is_visible()
    assert Enrollment.objects.get().status == Enrollment.Status.CANCELLED


def test_waitlisted_member_moves_up_when_someone_cancels(page, live_server, log_in):
    event = EventFactory(title_en="Good Spiral day", kind="good_spiral_day", capacity=1)
    holder = services.enroll(event=event, user=UserFactory())
    UserFactory(email="hopeful@example.org", preferred_language="en")
    log_in("hopeful@example.org")
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    page.get_by_role("button", name="Join the waiting list").click()
    page.wait_for_load_state()
    assert page.get_by_text("You are on the waiting list in position 1.", exact=True).is_visible()
    mail.outbox.clear()
    services.cancel_enrollment(enrollment=holder, user=holder.user)
    page.reload()
    assert page.get_by_text("You are enrolled.", exact=True).is_visible()
    promoted = next(message for message in mail.outbox if message.to == ["hopeful@example.org"])
    assert promoted.subject == "A seat became free, you are in: Good Spiral day"


def test_event_pages_fit_a_320_px_screen(browser, live_server):
    event = EventFactory(
        title_en="Networking day",
        format="hybrid",
        venue_fi="Conference centre",
        capacity=40,
        questions=[{"key": "diet", "label": {"en": "Dietary needs"}}],
    )
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/en/events/", f"/en/events/{event.slug}/", "/en/events/?past=1"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def test_member_enrols_online_in_a_hybrid_day_whose_onsite_seats_are_full(page, live_server, log_in):
    from events.models import Event

    event = EventFactory(
        title_en="Good Spiral afternoon",
        kind="good_spiral_day",
        format=Event.Format.HYBRID,
        venue_en="Meeting room Kierre",
        venue_fi="Kokoushuone Kierre",
        capacity_onsite=1,
        capacity_online=None,
        questions=[{"key": "diet", "label": {"en": "Special diet"}, "required": True, "onsite": True}],
    )
    services.enroll(event=event, user=UserFactory(), mode="onsite", answers={"diet": "none"})
    UserFactory(email="remote@example.org", preferred_language="en")
    log_in("remote@example.org")
    page.goto(f"{live_server.url}/en/events/{event.slug}/")
    assert page.get_by_text("Full: you can join the waiting list").is_visible()
    assert page.get_by_label("On site (full: you join the waiting list)").is_visible()
    page.get_by_label("Online", exact=True).check()
    page.get_by_role("button", name="Enrol", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_text("You are enrolled.", exact=True).is_visible()
    assert page.get_by_text("You take part: Online.").is_visible()
    enrollment = Enrollment.objects.get(user__email="remote@example.org")
    assert (enrollment.status, enrollment.mode, enrollment.answers) == ("confirmed", "online", {})
    event.refresh_from_db()
    assert (event.confirmed_onsite_count, event.confirmed_online_count) == (1, 1)
