"""A new user's path: sign up, verify the e-mail, log in, edit the profile, switch language, log out."""

import re
from pathlib import Path

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.core import mail

from accounts.models import User
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "email": "new.person@example.org",
    "first_name": "Aino",
    "last_name": "Uusi",
    "password1": "kaatumisten-ehkaisy-2026",
    "password2": "kaatumisten-ehkaisy-2026",
}


def sign_up(client, language="fi", **overrides):
    return client.post(f"/{language}/accounts/signup/", {**SIGNUP, **overrides})


def verification_link(message_body):
    return re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", message_body).group(0)


def test_sign_up_sends_a_verification_link_in_the_users_language(client):
    response = sign_up(client, language="sv")
    assert response.status_code == 302
    user = User.objects.get(email="new.person@example.org")
    assert (user.first_name, user.last_name, user.preferred_language) == ("Aino", "Uusi", "sv")
    assert len(mail.outbox) == 1
    assert "/sv/accounts/confirm-email/" in mail.outbox[0].body
    assert not EmailAddress.objects.get(user=user).verified


def test_sign_up_with_bad_input_explains_and_creates_nobody(client):
    response = sign_up(client, language="en", email="not-an-address", password2="something-else")
    assert response.status_code == 200
    assert "Enter a valid email address." in response.content.decode()
    assert not User.objects.exists()


def test_sign_up_with_a_taken_address_creates_nobody_new(client):
    UserFactory(email="new.person@example.org")
    sign_up(client, email="New.Person@example.org")
    assert User.objects.count() == 1


def test_unverified_user_cannot_log_in(client):
    sign_up(client)
    client.logout()
    response = client.post("/en/accounts/login/", {"login": SIGNUP["email"], "password": SIGNUP["password1"]})
    assert response.status_code == 302
    assert "/accounts/confirm-email/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_following_the_verification_link_verifies_and_logs_in(client):
    sign_up(client)
    link = verification_link(mail.outbox[0].body)
    page = client.get(link)
    assert page.status_code == 200
    response = client.post(link)
    assert response.status_code == 302
    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified
    assert client.get("/fi/me/").status_code == 200


def test_embedded_default_writes_the_verification_mail_under_var_mail(client, settings, tmp_path):
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path)
    sign_up(client)
    [written] = list(Path(tmp_path).iterdir())
    assert "/fi/accounts/confirm-email/" in written.read_text()


def test_verified_user_logs_in_with_email_and_password(client):
    user = UserFactory(email="aino@example.org")
    response = client.post("/fi/accounts/login/", {"login": "AINO@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == "/fi/me/"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_wrong_password_gives_a_clear_message_in_the_users_language(client):
    UserFactory(email="aino@example.org")
    response = client.post("/fi/accounts/login/", {"login": "aino@example.org", "password": "wrong-password"})
    assert response.status_code == 200
    assert "Annettu sähköposti tai salasana ei ole oikein." in response.content.decode()


def test_repeated_failed_logins_are_rate_limited(client):
    UserFactory(email="aino@example.org")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": "aino@example.org", "password": "wrong-password"})
    response = client.post("/en/accounts/login/", {"login": "aino@example.org", "password": DEFAULT_PASSWORD})
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_password_reset_mails_a_link(client):
    UserFactory(email="aino@example.org")
    response = client.post("/en/accounts/password/reset/", {"email": "aino@example.org"})
    assert response.status_code == 302
    assert "/en/accounts/password/reset/key/" in mail.outbox[0].body


def test_my_page_requires_login(client):
    response = client.get("/fi/me/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/")


def test_my_page_shows_the_profile(member_client, user):
    html = member_client.get("/en/me/").content.decode()
    assert user.email in html and user.organisation in html


def test_member_edits_their_profile(member_client, user):
    response = member_client.post(
        "/en/me/profile/",
        {
            "first_name": "Aino",
            "last_name": "Esimerkki",
            "organisation": "Western Uusimaa wellbeing services county",
            "job_title": "Physiotherapist",
            "profession": "therapist",
            "region": "west_uusimaa",
            "preferred_language": "sv",
            "listed_in_directory": "on",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert (user.last_name, user.region, user.preferred_language, user.listed_in_directory) == (
        "Esimerkki",
        "west_uusimaa",
        "sv",
        True,
    )


def test_profile_with_bad_input_re_renders_with_messages_and_changes_nothing(member_client, user):
    before = (user.first_name, user.region)
    response = member_client.post(
        "/fi/me/profile/", {"first_name": "", "last_name": "X", "region": "atlantis", "preferred_language": "xx"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tämä kenttä vaaditaan." in html
    assert "Valitse oikea vaihtoehto." in html
    user.refresh_from_db()
    assert (user.first_name, user.region) == before


def test_switching_language_keeps_the_member_on_the_same_page(member_client):
    html = member_client.get("/fi/me/profile/").content.decode()
    assert 'href="/sv/me/profile/"' in html
    assert "<h1>Redigera profil</h1>" in member_client.get("/sv/me/profile/").content.decode()


def test_log_out(member_client):
    response = member_client.post("/en/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in member_client.session


@time_machine.travel("2026-11-23 23:30:00+00:00", tick=False)
@pytest.mark.parametrize(("language", "shown"), [("fi", "24.11.2026"), ("sv", "24.11.2026"), ("en", "24 Nov 2026")])
def test_dates_are_shown_in_helsinki_time_in_each_languages_format(client, language, shown):
    user = UserFactory()
    client.force_login(user)
    assert shown in client.get(f"/{language}/me/").content.decode()
