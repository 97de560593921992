"""Every response carries the security headers; idle sessions end."""

import pytest
import time_machine
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/fi/", "/en/events/", "/sv/materials/", "/en/accounts/login/", "/healthz-missing"])
def test_every_response_has_a_policy_without_inline_code(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_has_the_same_policy(staff_client):
    response = staff_client.get("/admin/")
    assert response.status_code == 200
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_a_staff_session_ends_after_the_idle_time(client, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 8 * 3600
    with time_machine.travel("2026-03-02 08:00 +0200", tick=False) as traveller:
        client.force_login(UserFactory(is_staff=True, is_superuser=True))
        assert client.get("/admin/").status_code == 200
        traveller.shift(7 * 3600)
        assert client.get("/admin/").status_code == 200  # activity keeps it open
        traveller.shift(8 * 3600 + 60)
        response = client.get("/admin/")
        assert response.status_code == 302
        assert response.url.startswith("/admin/login/")  # which is allauth's login


def test_a_member_session_lasts_longer_than_a_staff_one(client, settings):
    member = UserFactory()
    with time_machine.travel("2026-03-02 08:00 +0200", tick=False) as traveller:
        client.force_login(member)
        traveller.shift(9 * 3600)
        assert client.get(reverse("accounts:my_page")).status_code == 200
        traveller.shift(settings.MEMBER_SESSION_IDLE_SECONDS + 60)
        assert client.get(reverse("accounts:my_page")).status_code == 302
