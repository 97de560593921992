import pytest
from django.apps import apps
from django.core.management import call_command

from tests.helpers import pass_second_factor

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_seed_demo_is_idempotent_and_prints_the_logins(capsys):
    call_command("seed_demo")
    first = row_counts()
    out = capsys.readouterr().out
    assert "staff@example.org" in out and "member@example.org" in out
    call_command("seed_demo")
    assert row_counts() == first


@pytest.mark.real_second_factor
def test_demo_logins_work(client, capsys):
    call_command("seed_demo")
    assert "TOTP secret HYTEDEMO" in capsys.readouterr().out
    assert client.login(email="member@example.org", password="hyte-member-demo")
    assert client.login(email="staff@example.org", password="hyte-staff-demo")
    assert client.get("/admin/").status_code == 302  # the password alone does not open the admin
    pass_second_factor(client)
    assert client.get("/admin/").status_code == 200


def test_the_demo_code_command_prints_the_current_code(capsys):
    call_command("seed_demo")
    capsys.readouterr()
    call_command("demo_totp_code")
    code = capsys.readouterr().out.strip()
    assert code.isdigit() and len(code) == 6
