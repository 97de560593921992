"""Membership decisions and network roles leave an entry in the audit trail, in the decision's transaction."""

import pytest
from django.db import transaction

from audit.models import AuditEntry
from networks import services
from networks.models import Membership, Network, NetworkRole
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, NetworkRoleFactory

pytestmark = pytest.mark.django_db

APPROVAL = Network.JoinPolicy.APPROVAL


def only_entry(action: str) -> AuditEntry:
    [entry] = AuditEntry.objects.filter(action=action)
    return entry


def test_approving_a_request_records_who_decided_about_whom_in_which_network():
    request = MembershipFactory(network__join_policy=APPROVAL, status=Membership.Status.PENDING)
    coordinator = UserFactory(is_staff=True)
    services.approve_membership(membership_id=request.pk, decided_by=coordinator)
    entry = only_entry("membership.approved")
    assert (entry.actor, entry.person, entry.network) == (coordinator, request.user, request.network)
    assert (entry.object_type, entry.object_id) == ("networks.membership", str(request.pk))
    assert entry.actor_label == coordinator.email and not entry.by_system


def test_rejecting_a_request_is_recorded():
    request = MembershipFactory(network__join_policy=APPROVAL, status=Membership.Status.PENDING)
    coordinator = UserFactory(is_staff=True)
    services.reject_membership(membership_id=request.pk, decided_by=coordinator)
    entry = only_entry("membership.rejected")
    assert (entry.actor, entry.person, entry.network) == (coordinator, request.user, request.network)


def test_adding_a_member_by_hand_is_recorded_with_the_status():
    network, person, staff = NetworkFactory(), UserFactory(), UserFactory(is_staff=True)
    membership = services.add_member(network=network, user=person, status=Membership.Status.PENDING, added_by=staff)
    entry = only_entry("membership.added")
    assert (entry.actor, entry.person, entry.network, entry.object_id) == (staff, person, network, str(membership.pk))
    assert entry.details == {"status": "pending"}


def test_leaving_is_recorded_as_the_members_own_decision(user):
    membership = MembershipFactory(user=user)
    services.leave_network(user=user, network=membership.network)
    entry = only_entry("membership.left")
    assert (entry.actor, entry.person, entry.network) == (user, user, membership.network)
    assert entry.details == {"previous_status": "active"}


def test_a_refused_decision_leaves_no_entry():
    decided = MembershipFactory(status=Membership.Status.ACTIVE)
    with pytest.raises(services.MembershipError):
        services.approve_membership(membership_id=decided.pk, decided_by=UserFactory(is_staff=True))
    assert not AuditEntry.objects.exists()


def test_a_decision_rolled_back_takes_its_entry_with_it():
    request = MembershipFactory(network__join_policy=APPROVAL, status=Membership.Status.PENDING)
    with pytest.raises(RuntimeError), transaction.atomic():
        services.approve_membership(membership_id=request.pk, decided_by=UserFactory(is_staff=True))
        raise RuntimeError("the request that approved it failed afterwards")
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.PENDING
    assert not AuditEntry.objects.exists()


def test_granting_changing_and_removing_roles_are_recorded():
    network, staff = NetworkFactory(), UserFactory(is_staff=True)
    chair, secretary = UserFactory(), UserFactory()
    role = NetworkRole(user=chair, role=NetworkRole.Role.CHAIR)
    services.save_roles(network=network, roles=[role], removed=[], by=staff)
    granted = only_entry("role.granted")
    assert (granted.actor, granted.person, granted.network, granted.details) == (
        staff,
        chair,
        network,
        {"role": "chair"},
    )
    role_id = str(role.pk)

    role.user = secretary  # the chair's role passes to another person: one removal, one grant
    services.save_roles(network=network, roles=[role], removed=[], by=staff)
    assert list(AuditEntry.objects.filter(action="role.removed").values_list("person", flat=True)) == [chair.pk]
    assert AuditEntry.objects.filter(action="role.granted", person=secretary).count() == 1

    services.save_roles(network=network, roles=[], removed=[role], by=staff)
    assert not NetworkRole.objects.exists()
    assert AuditEntry.objects.filter(action="role.removed", person=secretary, object_id=role_id).exists()


def test_reordering_a_role_or_naming_a_contact_differently_is_no_grant():
    role = NetworkRoleFactory(role=NetworkRole.Role.CONTACT)
    role.order = 5
    services.save_roles(network=role.network, roles=[role], removed=[], by=UserFactory(is_staff=True))
    assert not AuditEntry.objects.exists()


def network_form(client, network) -> dict:
    """The network's admin change form as it stands, with its roles inline, ready to post back."""
    page = client.get(f"/admin/networks/network/{network.pk}/change/")
    form = page.context["adminform"].form
    post = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    [formset] = (inline.formset for inline in page.context["inline_admin_formsets"])
    post.update({"roles-TOTAL_FORMS": formset.total_form_count(), "roles-INITIAL_FORMS": formset.initial_form_count()})
    for index, role_form in enumerate(formset.forms):
        for name in ("id", "role", "user", "name", "email", "order"):
            value = role_form[name].value()
            post[f"roles-{index}-{name}"] = "" if value is None else value
        post[f"roles-{index}-network"] = network.pk
    return post


def test_roles_edited_in_the_network_form_go_through_the_service_and_the_trail(staff_client):
    network = NetworkFactory()
    leaving = NetworkRoleFactory(network=network, role=NetworkRole.Role.CHAIR)
    newcomer = UserFactory()
    post = network_form(staff_client, network)
    post["roles-0-DELETE"] = "on"
    post.update({"roles-TOTAL_FORMS": 2, "roles-1-role": "coordinator", "roles-1-user": newcomer.pk})
    post.update({"roles-1-order": 1, "roles-1-network": network.pk})
    response = staff_client.post(f"/admin/networks/network/{network.pk}/change/", post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(NetworkRole.objects.values_list("user", "role")) == [(newcomer.pk, "coordinator")]
    entries = AuditEntry.objects.filter(network=network, actor=staff_client.user)
    assert sorted(entries.values_list("action", "person")) == [
        ("role.granted", newcomer.pk),
        ("role.removed", leaving.user.pk),
    ]


def test_a_coordinator_reads_the_decisions_of_their_own_network_only(coordinator_client, own_network, staff_user):
    own_request = MembershipFactory(network=own_network, status=Membership.Status.PENDING)
    foreign_request = MembershipFactory(status=Membership.Status.PENDING)
    coordinator_client.post(
        "/admin/networks/membership/", {"action": "approve_selected", "_selected_action": [own_request.pk]}
    )
    services.reject_membership(membership_id=foreign_request.pk, decided_by=staff_user)
    page = coordinator_client.get("/admin/audit/auditentry/")
    shown = [(entry.action, entry.actor, entry.object_id) for entry in page.context["cl"].result_list]
    assert shown == [("membership.approved", coordinator_client.user, str(own_request.pk))]
