"""Staff reach the admin only with a second factor; the admin's login is allauth's."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value, yield_hotp_counters_from_time
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.real_second_factor

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
PASSWORD = "a-long-staff-password"


def current_code(secret=SECRET):
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def staff(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_admin_login_goes_through_allauth(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_staff_without_an_authenticator_is_sent_to_set_one_up(client, staff):
    client.force_login(staff)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith(reverse("mfa_activate_totp"))


def test_password_alone_does_not_open_the_admin(client, staff):
    TOTP.activate(staff, SECRET)
    response = client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


def test_password_and_code_open_the_admin(client, staff):
    TOTP.activate(staff, SECRET)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    response = client.post(reverse("mfa_authenticate"), {"code": current_code()})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused_with_a_message(client, staff):
    TOTP.activate(staff, SECRET)
    client.post(reverse("account_login"), {"login": staff.email, "password": PASSWORD})
    wrong = "000000" if current_code() != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert client.get("/admin/").status_code == 302


def test_a_session_opened_before_the_set_up_confirms_the_code_once(client, staff):
    client.force_login(staff)
    TOTP.activate(staff, SECRET)
    response = client.get("/admin/")
    assert response.url.startswith(reverse("mfa_reauthenticate"))
    client.post(reverse("mfa_reauthenticate"), {"code": current_code()})
    assert client.get("/admin/").status_code == 200


def test_members_are_not_asked_for_a_second_factor(client, db):
    member = UserFactory()
    client.force_login(member)
    assert client.get(reverse("accounts:my_page")).status_code == 200
