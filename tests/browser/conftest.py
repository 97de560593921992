import os

import pytest

from tests.factories import DEFAULT_PASSWORD


@pytest.fixture(scope="session")
def browser(chromium_path):
    # Playwright's sync API runs an event loop in this thread; Django's ORM is used from the test itself.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def log_in(page, live_server):
    """Log in through the login form as a person would, with the factories' password; then wait for `next_path`."""

    def log_in(email, next_path="/en/me/"):
        page.goto(f"{live_server.url}/en/accounts/login/?next={next_path}")
        page.get_by_label("E-mail").fill(email)
        page.get_by_label("Password").fill(DEFAULT_PASSWORD)
        page.keyboard.press("Enter")
        page.wait_for_url(f"{live_server.url}{next_path}")

    return log_in
