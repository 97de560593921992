"""The legal pages as a visitor meets them in Chromium: from the footer to the accessibility statement, and
feedback sent with the keyboard alone."""

import pytest
from django.core import mail

from pages import services
from pages.models import Feedback

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def content_pages(db):
    services.create_missing_pages()


def test_visitor_goes_from_the_footer_to_the_statement_and_sends_feedback_with_the_keyboard(page, live_server):
    page.goto(f"{live_server.url}/fi/")
    page.get_by_role("navigation", name="Sivuston tiedot").get_by_role("link", name="Saavutettavuusseloste").click()
    assert page.locator("h1").inner_text() == "Saavutettavuusseloste"

    page.get_by_role("link", name="Anna palautetta saavutettavuudesta").click()
    assert page.locator("h1").inner_text() == "Yhteystiedot ja palaute"
    assert page.get_by_label("Aihe").input_value() == "accessibility"
    assert not page.locator("#id_website").is_visible()  # the bot trap is not shown to people

    page.get_by_label("Viesti").focus()
    page.keyboard.type("Tapahtumakalenterin suodattimet eivät toimi näppäimistöllä.")
    for _ in range(3):  # page, name, e-mail: the trap is never reached with Tab
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.type("lukija@example.org")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # "I would like an answer by e-mail"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/fi/contact/thanks/")
    assert page.locator("h1").inner_text() == "Kiitos palautteestasi"

    feedback = Feedback.objects.get()
    assert (feedback.topic, feedback.email, feedback.wants_reply) == ("accessibility", "lukija@example.org", True)
    assert len(mail.outbox) == 1


def test_a_missing_address_is_explained_next_to_the_field(page, live_server):
    page.goto(f"{live_server.url}/en/contact/")
    page.get_by_label("Message").fill("Please answer me.")
    page.get_by_label("I would like an answer by e-mail").check()
    page.get_by_role("button", name="Send").click()
    assert "Give your e-mail address so that we can answer you." in page.locator("#id_email_error").inner_text()
    assert page.get_by_label("E-mail address").get_attribute("aria-invalid") == "true"
    assert not Feedback.objects.exists()


def test_the_pages_fit_a_320_px_screen(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    narrow = context.new_page()
    for path in ("/fi/privacy/", "/sv/accessibility/", "/en/contact/", "/fi/about/"):
        narrow.goto(f"{live_server.url}{path}")
        assert narrow.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
