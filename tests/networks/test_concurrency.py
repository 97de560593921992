"""Simultaneous clicks, with real threads on PostgreSQL: the database decides, not a Python check."""

import threading
import time

import pytest
from django.core import mail
from django.core.mail.backends import locmem
from django.db import DatabaseError, connection, transaction

from networks import services
from networks.models import Invitation, Membership, Network
from tests.factories import UserFactory
from tests.helpers import run_concurrently
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

THREADS = 8


def run_at_once(action, threads=THREADS):
    """Run `action` in several threads released together; each outcome is "ok", a domain error code or a crash."""
    _results, errors = run_concurrently([action] * threads)
    crashes = [
        error.code if isinstance(error, services.MembershipError) else type(error).__name__  # a server error
        for error in errors
    ]
    return sorted(["ok"] * (threads - len(errors)) + crashes)


def naive_claim(*, user, network, status, now):
    """Check-then-insert, the race the service must not have; the sleep widens the window between the two."""
    existing = Membership.objects.filter(user=user, network=network).first()
    if existing is not None:
        return existing, False
    time.sleep(0.05)
    return Membership.objects.create(user=user, network=network, status=status, status_changed_at=now), True


def test_double_clicks_on_join_make_one_membership():
    user, network = UserFactory(), NetworkFactory()
    outcomes = run_at_once(lambda: services.join_network(user=user, network=network))
    assert Membership.objects.filter(user=user, network=network).count() == 1
    assert outcomes == ["already_member"] * (THREADS - 1) + ["ok"]


def test_double_clicks_on_ask_to_join_make_one_request():
    user, network = UserFactory(), NetworkFactory(join_policy=Network.JoinPolicy.APPROVAL)
    outcomes = run_at_once(lambda: services.join_network(user=user, network=network))
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.PENDING
    assert outcomes == ["already_pending"] * (THREADS - 1) + ["ok"]


def test_the_join_test_catches_a_check_then_insert(monkeypatch):
    """Proof that the test above can fail: with a check-then-insert the same clicks crash on the constraint."""
    monkeypatch.setattr(services, "_claim_membership", naive_claim)
    user, network = UserFactory(), NetworkFactory()
    outcomes = run_at_once(lambda: services.join_network(user=user, network=network))
    assert "IntegrityError" in outcomes
    assert outcomes != ["already_member"] * (THREADS - 1) + ["ok"]


def test_without_the_unique_constraint_a_check_then_insert_makes_duplicates(monkeypatch):
    """And the constraint is what holds the line: without it the same race leaves several rows."""
    monkeypatch.setattr(services, "_claim_membership", naive_claim)
    user, network = UserFactory(), NetworkFactory()
    table = Membership._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT networks_one_membership_per_user")
    try:
        run_at_once(lambda: services.join_network(user=user, network=network))
        assert Membership.objects.filter(user=user, network=network).count() > 1
    finally:
        Membership.objects.all().delete()
        with connection.cursor() as cursor:
            cursor.execute(
                f"ALTER TABLE {table} ADD CONSTRAINT networks_one_membership_per_user UNIQUE (user_id, network_id)"
            )


def test_two_coordinators_deciding_at_once_make_one_decision_and_one_e_mail(tasks_inline):
    request = MembershipFactory(network=NetworkFactory(join_policy=Network.JoinPolicy.APPROVAL), status="pending")
    approver, rejecter = UserFactory(), UserFactory()
    barrier_actions = iter([services.approve_membership, services.reject_membership] * (THREADS // 2))
    lock = threading.Lock()

    def decide():
        with lock:
            service = next(barrier_actions)
        decider = approver if service is services.approve_membership else rejecter
        service(membership_id=request.pk, decided_by=decider)

    outcomes = run_at_once(decide)
    assert outcomes == ["already_decided"] * (THREADS - 1) + ["ok"]
    request.refresh_from_db()
    assert request.status in (Membership.Status.ACTIVE, Membership.Status.REJECTED)
    assert len(mail.outbox) == 1


class LockProbeBackend(locmem.EmailBackend):
    """The test outbox, which first asks from another connection whether any membership, invitation or network
    row is locked."""

    outcomes = []

    def send_messages(self, messages):
        def probe():
            try:
                with transaction.atomic():
                    for model in (Membership, Invitation, Network):
                        list(model.objects.select_for_update(nowait=True))
                LockProbeBackend.outcomes.append("free")
            except DatabaseError:
                LockProbeBackend.outcomes.append("locked")
            finally:
                connection.close()

        thread = threading.Thread(target=probe)
        thread.start()
        thread.join()
        return super().send_messages(messages)


@pytest.fixture
def lock_probe(settings):
    settings.EMAIL_BACKEND = f"{__name__}.LockProbeBackend"
    LockProbeBackend.outcomes = []
    return LockProbeBackend.outcomes


def test_no_row_lock_is_held_while_e_mails_go_out(lock_probe, tasks_inline):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory(join_policy=Network.JoinPolicy.APPROVAL)
    make_coordinator(network)
    membership = services.join_network(user=UserFactory(), network=network)  # the coordinator is told on commit
    services.approve_membership(membership_id=membership.pk, decided_by=UserFactory())  # the member is told
    assert len(mail.outbox) == 2
    assert lock_probe == ["free", "free"]


def test_no_row_lock_is_held_while_an_invitation_goes_out(lock_probe, tasks_inline):
    network = NetworkFactory(join_policy=Network.JoinPolicy.INVITATION)
    services.invite_member(network=network, email="guest@example.org", invited_by=UserFactory())
    assert len(mail.outbox) == 1
    assert lock_probe == ["free"]


def test_simultaneous_invitations_of_one_address_leave_one_link_that_works(tasks_inline):
    network = NetworkFactory(join_policy=Network.JoinPolicy.INVITATION)
    inviter = UserFactory()

    def invite():
        services.invite_member(network=network, email="guest@example.org", invited_by=inviter)

    assert run_at_once(invite) == ["ok"] * THREADS
    statuses = sorted(Invitation.objects.values_list("status", flat=True))
    assert statuses == [Invitation.Status.PENDING] + [Invitation.Status.REPLACED] * (THREADS - 1)
