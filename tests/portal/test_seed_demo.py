import pytest
from django.apps import apps
from django.core.management import call_command

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


def test_demo_logins_work(client):
    call_command("seed_demo")
    assert client.login(email="member@example.org", password="hyte-member-demo")
    assert client.login(email="staff@example.org", password="hyte-staff-demo")
    assert client.get("/admin/").status_code == 200
