"""The design system's behaviour in Chromium: enrolment with the keyboard alone, the error summary taking the focus
after a failed submit, and the phone menu that opens with JavaScript and without it."""

import pytest

from events.models import Enrollment
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def focused_text(page) -> str:
    return page.evaluate("document.activeElement.textContent.trim()")


def tab_to(page, text: str, *, limit: int = 80) -> None:
    """Press Tab until the focused element reads `text`, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused_text(page) == text:
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_member_enrols_from_the_event_page_with_the_keyboard_alone(page, live_server, log_in):
    event = EventFactory(title_en="Morning meeting: loneliness", kind="morning_meeting")
    user = UserFactory(email="keys@example.org", preferred_language="en")
    log_in(user.email, f"/en/events/{event.slug}/")
    tab_to(page, "Enrol")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_by_text("You are enrolled.", exact=True).is_visible()
    assert Enrollment.objects.get(user=user, event=event).status == Enrollment.Status.CONFIRMED


def test_member_cancels_with_the_keyboard_after_confirming(page, live_server, log_in):
    event = EventFactory(title_en="Morning meeting: loneliness", kind="morning_meeting")
    user = UserFactory(email="keys@example.org", preferred_language="en")
    EnrollmentFactory(event=event, user=user, status=Enrollment.Status.CONFIRMED)
    log_in(user.email, f"/en/events/{event.slug}/")
    tab_to(page, "Cancel my enrolment")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/events/enrolments/*/cancel/")
    tab_to(page, "Yes, cancel my enrolment")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/events/{event.slug}/")
    assert Enrollment.objects.get(user=user, event=event).status == Enrollment.Status.CANCELLED


def test_failed_submit_puts_the_focus_on_the_error_summary_whose_links_focus_the_fields(page, live_server):
    page.goto(f"{live_server.url}/en/accounts/signup/")
    page.get_by_label("E-mail").fill("not an address")
    page.get_by_role("button", name="Create an account").click()
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    summary = page.locator(".error-summary")
    assert summary.get_by_role("heading").inner_text() == "There is a problem"
    summary.get_by_role("link", name="Password: This field is required.").click()
    assert page.evaluate("document.activeElement.id") == "id_password1"
    # The password rules are the field's description, read out with it.
    described = page.get_attribute("#id_password1", "aria-describedby").split()
    assert "id_password1_helptext" in described
    assert "10 characters" in page.locator("#id_password1_helptext").inner_text()


@pytest.mark.parametrize("javascript", [True, False])
def test_phone_menu_opens_from_its_button_with_or_without_javascript(browser, live_server, javascript):
    context = browser.new_context(viewport={"width": 375, "height": 700}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_server.url}/en/")
    menu = page.get_by_role("navigation", name="Main menu")
    assert not menu.is_visible()
    toggle = page.get_by_role("button" if javascript else "link", name="Menu")
    if javascript:
        assert toggle.get_attribute("aria-expanded") == "false"
    toggle.click()
    assert menu.get_by_role("link", name="Events").is_visible()
    if javascript:
        assert toggle.get_attribute("aria-expanded") == "true"
        page.keyboard.press("Escape")
        assert not menu.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    context.close()


def test_wide_screen_shows_the_menu_without_a_toggle(page, live_server):
    page.goto(f"{live_server.url}/en/")
    assert page.get_by_role("navigation", name="Main menu").get_by_role("link", name="Events").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()


def test_event_page_puts_the_enrolment_box_beside_the_title_on_a_laptop_and_under_the_facts_on_a_phone(
    browser, live_server
):
    event = EventFactory(title_en="Good Spiral day", description_en="A long programme. " * 200)
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        page.goto(f"{live_server.url}/en/events/{event.slug}/")
        title = page.locator("h1").bounding_box()
        box = page.locator(".event-enrolment").bounding_box()
        facts = page.locator(".event-facts").bounding_box()
        about = page.locator("#about-heading").bounding_box()
        if width == 1280:
            assert box["x"] > title["x"] + title["width"] - 1 and box["y"] < facts["y"]
        else:
            assert facts["y"] + facts["height"] <= box["y"] < about["y"]
        context.close()
