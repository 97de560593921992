"""A security key as the second factor in Chromium, with its virtual authenticator (the DevTools WebAuthn domain):
allauth's scripts run under the portal's Content Security Policy, the key is added, and the next login asks for it."""

import pytest
from allauth.mfa.models import Authenticator

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.real_second_factor, pytest.mark.django_db(transaction=True)]


def plug_in_a_security_key(page):
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "usb",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
        "automaticPresenceSimulation": True,  # the touch on the key
    }
    devtools.send("WebAuthn.addVirtualAuthenticator", {"options": options})


def test_a_member_adds_a_security_key_and_the_next_login_asks_for_it(page, live_server, log_in):
    member = UserFactory(email="key.holder@example.org", preferred_language="en")
    plug_in_a_security_key(page)
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(member.email)

    page.goto(f"{live_server.url}/en/accounts/2fa/webauthn/add/")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)  # allauth asks again before a second factor changes
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/webauthn/add/")
    page.locator("#mfa_webauthn_add").click()
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/recovery-codes/")
    assert Authenticator.objects.filter(user=member, type=Authenticator.Type.WEBAUTHN).count() == 1

    page.context.clear_cookies()  # logged out
    page.goto(f"{live_server.url}/en/accounts/login/?next=/en/me/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server.url}/en/accounts/2fa/authenticate/")
    page.locator("#mfa_webauthn_authenticate").click()
    page.wait_for_url(f"{live_server.url}/en/me/")
    assert not [error for error in errors if "Content Security Policy" in error]
