"""A security key (WebAuthn) as the second factor, from adding it to logging in with it, with a software key that
signs as a hardware one does (tests/webauthn_authenticator.py)."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories import UserFactory
from tests.webauthn_authenticator import SoftwareAuthenticator, page_options

pytestmark = [pytest.mark.real_second_factor, pytest.mark.django_db]

PASSWORD = "a-long-member-password"


@pytest.fixture
def person():
    user = UserFactory(preferred_language="en")
    user.set_password(PASSWORD)
    user.save()
    return user


def log_in_with_password(client, user):
    return client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})


def add_key(client, key) -> None:
    """As a person does on the security key page: confirm the password (allauth asks before any change of a second
    factor), then let the key answer the page's options."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_add_webauthn"))
    assert page.status_code == 200
    credential = key.create(page_options(page.content.decode())["creation_options"])
    response = client.post(reverse("mfa_add_webauthn"), {"name": "Work key", "credential": credential})
    assert response.status_code == 302, response.content.decode()


def answer_with(client, key):
    page = client.get(reverse("mfa_authenticate"))
    assert page.status_code == 200
    return client.post(
        reverse("mfa_authenticate"), {"credential": key.get(page_options(page.content.decode())["request_options"])}
    )


def test_a_member_adds_a_security_key_and_then_logs_in_with_password_and_key(client, person):
    log_in_with_password(client, person)
    key = SoftwareAuthenticator()
    add_key(client, key)
    assert Authenticator.objects.filter(user=person, type=Authenticator.Type.WEBAUTHN).count() == 1
    client.logout()

    response = log_in_with_password(client, person)
    assert response.url == reverse("mfa_authenticate")
    assert client.get(reverse("accounts:my_page")).status_code == 302  # the password alone is not enough
    response = answer_with(client, key)
    assert response.status_code == 302
    assert client.get(reverse("accounts:my_page")).status_code == 200


def test_another_key_or_a_replayed_answer_is_refused(client, person):
    log_in_with_password(client, person)
    key = SoftwareAuthenticator()
    add_key(client, key)
    client.logout()

    log_in_with_password(client, person)
    impostor = SoftwareAuthenticator()
    impostor.credential_id, impostor.user_handle = key.credential_id, key.user_handle  # same id, other private key
    response = answer_with(client, impostor)
    assert response.status_code == 200 and response.context["webauthn_form"].errors
    assert client.get(reverse("accounts:my_page")).status_code == 302

    page = client.get(reverse("mfa_authenticate"))
    answer = key.get(page_options(page.content.decode())["request_options"])
    assert client.post(reverse("mfa_authenticate"), {"credential": answer}).status_code == 302
    client.logout()
    log_in_with_password(client, person)
    client.get(reverse("mfa_authenticate"))  # a new challenge: yesterday's answer does not fit it
    response = client.post(reverse("mfa_authenticate"), {"credential": answer})
    assert response.status_code == 200 and response.context["webauthn_form"].errors
    assert client.get(reverse("accounts:my_page")).status_code == 302


@pytest.mark.parametrize("junk", ["", "not json", "{}", '{"response": {}}', "\x00", "[1, 2]", "x" * 10000])
def test_junk_instead_of_a_key_answer_is_an_error_not_a_500(client, person, junk):
    log_in_with_password(client, person)
    add_key(client, SoftwareAuthenticator())
    client.logout()
    log_in_with_password(client, person)
    client.get(reverse("mfa_authenticate"))
    response = client.post(reverse("mfa_authenticate"), {"credential": junk})
    assert response.status_code == 200
    assert client.get(reverse("accounts:my_page")).status_code == 302


def test_staff_with_a_security_key_open_the_admin_with_it(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    staff.set_password(PASSWORD)
    staff.save()
    log_in_with_password(client, staff)
    assert client.get("/admin/").status_code == 302  # no second factor yet: sent to set one up
    key = SoftwareAuthenticator()
    add_key(client, key)
    client.logout()

    log_in_with_password(client, staff)
    assert client.get("/admin/").status_code == 302
    assert answer_with(client, key).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_my_page_leads_to_the_second_factor_page_which_offers_a_security_key(client, person):
    log_in_with_password(client, person)
    my_page = client.get("/en/me/").content.decode()
    assert '<a href="/en/accounts/2fa/">Two-factor authentication (authenticator app or security key)</a>' in my_page
    assert 'href="/en/accounts/2fa/webauthn/add/"' in client.get("/en/accounts/2fa/").content.decode()
