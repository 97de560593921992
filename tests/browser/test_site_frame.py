"""The site frame in a real Chromium: keyboard, language switch, small screens."""

import pytest

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_first_tab_reaches_the_skip_link_which_moves_focus_to_main(page, live_server):
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_keeps_the_page(page, live_server):
    page.goto(f"{live_server.url}/fi/accounts/login/")
    page.get_by_role("link", name="Svenska").click()
    assert page.url == f"{live_server.url}/sv/accounts/login/"
    assert page.locator("h1").inner_text() == "Logga in"


def test_page_fits_a_320_px_screen_without_sideways_scrolling(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/fi/", "/sv/accounts/signup/"):
        page.goto(f"{live_server.url}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()


def test_member_logs_in_and_out_with_the_keyboard_and_mouse(page, live_server):
    UserFactory(email="keyboard@example.org")
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("E-mail").fill("keyboard@example.org")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/me/")
    assert page.locator("h1").inner_text() == "My page"
    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="Log in").is_visible()
