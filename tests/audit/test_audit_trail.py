"""The audit trail: written by services, read-only in the admin, scoped for coordinators, scrubbed on erasure."""

import pytest
from django.db import transaction
from django.urls import reverse

from audit import services
from audit.models import AuditEntry
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_an_entry_rolls_back_with_its_decision():
    actor = UserFactory(is_staff=True)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.record(actor=actor, action="membership.approved")
        raise RuntimeError("the decision failed")
    assert not AuditEntry.objects.exists()


def test_an_entry_by_the_system_says_so():
    entry = services.record(actor=None, action="privacy.answers_erased", details={"count": 3})
    assert entry.by_system and entry.actor is None and entry.details == {"count": 3}


def test_nobody_can_add_change_or_delete_an_entry_in_the_admin(staff_client, staff_user):
    membership = MembershipFactory()
    entry = services.record(actor=staff_user, action="membership.approved", obj=membership, network=membership.network)
    change_url = reverse("admin:audit_auditentry_change", args=[entry.pk])
    page = staff_client.get(change_url)
    assert page.status_code == 200
    assert b'name="_save"' not in page.content
    assert staff_client.post(change_url, {"action": "forged"}).status_code == 403
    assert staff_client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert (
        staff_client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    )
    entry.refresh_from_db()
    assert entry.action == "membership.approved"


def test_a_coordinator_sees_only_the_entries_of_their_networks(coordinator_client, own_network):
    services.record(actor=None, action="membership.approved", network=own_network, details={"mine": True})
    foreign = services.record(actor=None, action="membership.rejected", network=NetworkFactory())
    page = coordinator_client.get(reverse("admin:audit_auditentry_changelist"))
    assert page.status_code == 200
    assert [e.action for e in page.context["cl"].result_list] == ["membership.approved"]
    assert coordinator_client.get(reverse("admin:audit_auditentry_change", args=[foreign.pk])).status_code in (403, 404)


def test_erasing_a_person_keeps_the_entries_but_drops_their_details():
    member = UserFactory(email="leaving@example.org")
    staff = UserFactory(is_staff=True)
    membership = MembershipFactory(user=member)
    about = services.record(
        actor=staff, action="membership.approved", obj=membership, person=member, details={"email": member.email}
    )
    by = services.record(actor=member, action="account.exported", obj=member, person=member)
    services.forget_person(user=member)
    member.delete()
    about.refresh_from_db()
    by.refresh_from_db()
    assert about.person is None and about.object_label == "" and "email" not in about.details
    assert about.actor_label == staff.email
    assert by.actor is None and by.actor_label == "" and not by.by_system
    assert AuditEntry.objects.count() == 2


def test_staff_login_and_second_factor_changes_are_recorded(client):
    staff = UserFactory(is_staff=True)
    client.post(reverse("account_login"), {"login": staff.email, "password": "correct-horse-battery-staple"})
    assert AuditEntry.objects.filter(action="account.staff_login", actor=staff).exists()
