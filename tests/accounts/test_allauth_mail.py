"""allauth's e-mails in the portal's standard, no attacker text in them, and login limits nobody can abuse."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

EVIL_NAME = "Visit https://evil.example/ to claim your prize"


def sign_up(client, email="victim@example.org", language="en", address="198.51.100.7", **fields):
    data = {"email": email, "first_name": EVIL_NAME, "last_name": EVIL_NAME, "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9", **fields}  # fmt: skip
    return client.post(f"/{language}/accounts/signup/", data, REMOTE_ADDR=address)


def test_the_verification_mail_carries_no_text_the_signer_wrote(client):
    sign_up(client)
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "evil.example" not in message.body and "evil.example" not in html
    assert "prize" not in message.subject + message.body + html


def test_allauths_mails_are_text_and_html_in_the_portals_frame(client):
    sign_up(client)
    message = mail.outbox[0]
    assert message.alternatives and message.alternatives[0][1] == "text/html"
    assert "HYTE" in message.alternatives[0][0]
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert message.extra_headers["Message-ID"].endswith("@example.org>")


def test_a_password_reset_mail_goes_in_the_accounts_language_not_the_pages(client):
    member = UserFactory(preferred_language="sv")
    client.post("/en/accounts/password/reset/", {"email": member.email})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].extra_headers["Content-Language"] == "sv"
    assert "/sv/" in mail.outbox[0].body or "lösenord" in mail.outbox[0].body.lower()


def test_sign_up_mails_to_one_address_are_limited_whatever_the_origin(client):
    for number in range(6):
        client.cookies.clear()
        sign_up(client, address=f"198.51.100.{number + 1}")
    assert 1 <= len(mail.outbox) <= 3


def test_a_stranger_cannot_lock_a_member_out(client):
    member = UserFactory()
    login = reverse("account_login")
    for _ in range(6):
        client.post(login, {"login": member.email, "password": "wrong-guess"}, REMOTE_ADDR="203.0.113.66")
    guesser = client.post(login, {"login": member.email, "password": DEFAULT_PASSWORD}, REMOTE_ADDR="203.0.113.66")
    assert guesser.status_code == 200  # the guesser's own address is refused even the right password
    client.cookies.clear()
    response = client.post(login, {"login": member.email, "password": DEFAULT_PASSWORD}, REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 302  # the member, from elsewhere, gets in
