"""The newsletter as a reader meets it in Chromium: subscribe, confirm from the e-mail, read an issue, leave."""

import re

import pytest
from django.core import mail

from newsletter import services
from newsletter.models import Subscriber
from tests.newsletter.factories import NewsletterIssueFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def send_without_rate_limit(settings):
    settings.NEWSLETTER_SEND_RATE = 0


def link_in(message, pattern):
    return re.search(rf"http://127\.0\.0\.1:8000(/\w\w/newsletter/{pattern}/[\w-]+/)", message.body).group(1)


def test_subscribe_confirm_receive_an_issue_in_my_language_and_unsubscribe(page, live_server):
    page.goto(f"{live_server.url}/sv/")
    page.get_by_label("E-postadress").fill("lasare@example.org")
    page.get_by_role("button", name="Prenumerera").click()
    assert page.locator("h1").inner_text() == "Titta i din e-post"

    [confirmation] = mail.outbox
    page.goto(live_server.url + link_in(confirmation, "confirm"))
    page.get_by_role("button", name="Bekräfta prenumerationen").click()
    assert page.locator("h1").inner_text() == "Tack, din prenumeration är bekräftad"

    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    issue_message = mail.outbox[-1]
    assert issue_message.to == ["lasare@example.org"]
    assert issue_message.subject == "Den goda spiralens nyhetsbrev"

    page.goto(live_server.url + link_in(issue_message, "unsubscribe"))
    page.get_by_role("button", name="Avsluta prenumerationen").click()
    assert page.locator("h1").inner_text() == "Du har avslutat prenumerationen"
    assert Subscriber.objects.get().status == "unsubscribed"


def test_a_wrong_address_is_explained_next_to_the_field(page, live_server):
    page.goto(f"{live_server.url}/en/newsletter/")
    page.get_by_label("E-mail address").fill("not an address")
    page.get_by_role("button", name="Subscribe").click()
    assert "Enter a valid email address." in page.locator("#id_email_error").inner_text()
    assert not Subscriber.objects.exists()
