"""The site search and the event page's open data in a real Chromium: the header's search box by keyboard, and
the JSON-LD data block readable without any Content Security Policy violation."""

import json

import pytest

from tests.events.factories import EventFactory
from tests.materials.factories import MaterialFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_searches_from_the_header_with_the_keyboard(page, live_server):
    MaterialFactory(title_fi="Kaatumisten ehkäisy kotona")
    EventFactory(title_fi="Kaatumisten ehkäisyn työpaja")
    page.goto(f"{live_server.url}/fi/")
    page.get_by_label("Hae sivustolta").fill("kaatuminen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/search/?q=kaatuminen")
    assert page.locator("h1").inner_text() == "Hae"
    assert page.locator("#search-events + ol mark").first.inner_text() == "Kaatumisten"
    assert page.locator("#search-materials + ol .search-hit-title").all_inner_texts() == ["Kaatumisten ehkäisy kotona"]


def test_event_page_json_ld_is_read_without_a_csp_violation(page, live_server):
    event = EventFactory(title_fi='Aamukahvi </script><script>alert("x")</script>')
    violations, dialogs = [], []
    page.on("console", lambda message: violations.append(message.text) if "Content Security" in message.text else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_server.url}{event.get_absolute_url()}")
    data = json.loads(page.locator('script[type="application/ld+json"]').text_content())
    assert data["@type"] == "Event" and data["name"] == event.title_fi
    assert violations == [] and dialogs == []
