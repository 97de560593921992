"""A member's export of their data and the erasure of their account leave an entry in the audit trail; the
erasure's entry, and every entry about them, keep nothing personal."""

import json

import pytest

from accounts import services
from audit.models import AuditEntry
from audit.services import record
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.networks.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_downloading_my_data_is_recorded_as_my_own_export(member_client, user):
    member_client.get("/en/me/export/")
    entry = AuditEntry.objects.get(action="account.exported")
    assert (entry.actor, entry.person, entry.object_id) == (user, user, str(user.pk))


def test_an_export_that_fails_leaves_no_entry(user, monkeypatch):
    def fail(user):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services.selectors, "personal_data", fail)
    with pytest.raises(RuntimeError):
        services.export_personal_data(user=user)
    assert not AuditEntry.objects.exists()


def test_erasing_my_account_is_recorded_without_anything_that_names_me(member_client, user):
    user.first_name, user.last_name, user.email = "Liisa", "Lähtijä", "liisa.lahtija@example.org"
    user.save()
    membership = MembershipFactory(user=user)
    staff = UserFactory(is_staff=True)
    about_me = record(actor=staff, action="membership.approved", obj=membership, person=user)
    user_id = user.pk
    member_client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD})
    erased = AuditEntry.objects.get(action="account.erased")
    assert (erased.actor, erased.person, erased.by_system) == (None, None, False)
    assert (erased.object_id, erased.details) == (str(user_id), {"user_id": user_id})
    about_me.refresh_from_db()
    assert about_me.person is None and about_me.actor_label == staff.email
    trail = json.dumps(list(AuditEntry.objects.values()), default=str)
    assert "liisa" not in trail.lower() and "Lähtijä" not in trail
