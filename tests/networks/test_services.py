import pytest
import time_machine
from django.core import mail
from django.utils import translation

from networks import services
from networks.models import Membership, Network
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db

APPROVAL = Network.JoinPolicy.APPROVAL


def test_joining_an_open_network_makes_an_active_member_at_once(user):
    network = NetworkFactory()
    membership = services.join_network(user=user, network=network)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.joined_at is not None


def test_joining_an_approval_network_makes_a_pending_request(user):
    network = NetworkFactory(join_policy=APPROVAL)
    membership = services.join_network(user=user, network=network)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING
    assert membership.joined_at is None


def test_joining_twice_says_so_and_keeps_one_row(user):
    network = NetworkFactory()
    services.join_network(user=user, network=network)
    with pytest.raises(services.MembershipError) as error:
        services.join_network(user=user, network=network)
    assert error.value.code == "already_member"
    with translation.override("fi"):
        assert str(error.value.message) == f"Olet jo verkoston {network.name_fi} jäsen."
    assert Membership.objects.filter(user=user, network=network).count() == 1


def test_asking_twice_says_the_request_is_waiting(user):
    network = NetworkFactory(join_policy=APPROVAL)
    services.join_network(user=user, network=network)
    with pytest.raises(services.MembershipError) as error:
        services.join_network(user=user, network=network)
    assert error.value.code == "already_pending"


def test_invitation_networks_take_no_one_by_a_button(user):
    network = NetworkFactory(join_policy=Network.JoinPolicy.INVITATION)
    with pytest.raises(services.MembershipError) as error:
        services.join_network(user=user, network=network)
    assert error.value.code == "invitation_only"
    assert not Membership.objects.exists()


def test_an_inactive_network_takes_no_members(user):
    network = NetworkFactory(is_active=False)
    with pytest.raises(services.MembershipError):
        services.join_network(user=user, network=network)
    assert not Membership.objects.exists()


def test_leaving_keeps_the_row_as_history(user):
    network = NetworkFactory()
    services.join_network(user=user, network=network)
    services.leave_network(user=user, network=network)
    membership = Membership.objects.get(user=user, network=network)
    assert membership.status == Membership.Status.LEFT
    assert membership.joined_at is not None and membership.left_at is not None


def test_leaving_a_network_you_are_not_in_changes_nothing(user):
    network = NetworkFactory()
    other = MembershipFactory(network=network)
    with pytest.raises(services.MembershipError) as error:
        services.leave_network(user=user, network=network)
    assert error.value.code == "not_member"
    assert list(Membership.objects.values_list("pk", "status")) == [(other.pk, "active")]


def test_leaving_twice_is_refused(user):
    network = NetworkFactory()
    services.join_network(user=user, network=network)
    services.leave_network(user=user, network=network)
    with pytest.raises(services.MembershipError):
        services.leave_network(user=user, network=network)


def test_withdrawing_a_pending_request_says_it_was_pending(user):
    network = NetworkFactory(join_policy=APPROVAL)
    services.join_network(user=user, network=network)
    membership = services.leave_network(user=user, network=network)
    assert membership.previous_status == Membership.Status.PENDING
    assert Membership.objects.get().status == Membership.Status.LEFT


def test_rejoining_after_leaving_reuses_the_row_and_keeps_its_dates(user):
    network = NetworkFactory()
    with time_machine.travel("2026-01-10 09:00 +02:00", tick=False):
        services.join_network(user=user, network=network)
    with time_machine.travel("2026-03-01 09:00 +02:00", tick=False):
        services.leave_network(user=user, network=network)
    with time_machine.travel("2026-05-01 09:00 +03:00", tick=False):
        services.join_network(user=user, network=network)
    membership = Membership.objects.get(user=user, network=network)
    assert membership.status == Membership.Status.ACTIVE
    assert membership.requested_at.date().isoformat() == "2026-01-10"
    assert membership.joined_at.date().isoformat() == "2026-01-10"
    assert membership.left_at.date().isoformat() == "2026-03-01"
    assert membership.status_changed_at.date().isoformat() == "2026-05-01"


def test_asking_again_after_a_rejection_makes_the_same_row_pending(user):
    network = NetworkFactory(join_policy=APPROVAL)
    MembershipFactory(user=user, network=network, status=Membership.Status.REJECTED)
    services.join_network(user=user, network=network)
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.PENDING


def test_approving_makes_an_active_member_and_records_who_decided(
    user, tasks_inline, django_capture_on_commit_callbacks
):
    coordinator = UserFactory()
    request = MembershipFactory(user=user, network=NetworkFactory(join_policy=APPROVAL), status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(membership_id=request.pk, decided_by=coordinator)
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE
    assert request.decided_by == coordinator and request.decided_at and request.joined_at


def test_approval_is_e_mailed_in_the_members_language(tasks_inline, django_capture_on_commit_callbacks):
    member = UserFactory(preferred_language="sv", first_name="Greta", last_name="Lund")
    network = NetworkFactory(join_policy=APPROVAL, name_sv="Nätverket för direktörer", slug="directors")
    request = MembershipFactory(user=member, network=network, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(membership_id=request.pk, decided_by=UserFactory())
    [message] = mail.outbox
    assert message.to == [member.email]
    assert message.subject == "Välkommen till Nätverket för direktörer"
    assert "Hej Greta Lund," in message.body
    assert "/sv/networks/directors/" in message.body
    assert message.extra_headers["Content-Language"] == "sv"


def test_rejection_is_e_mailed_and_the_member_may_ask_again(tasks_inline, django_capture_on_commit_callbacks):
    member = UserFactory(preferred_language="en")
    network = NetworkFactory(join_policy=APPROVAL, name_en="Directors' network")
    request = MembershipFactory(user=member, network=network, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_membership(membership_id=request.pk, decided_by=UserFactory())
    [message] = mail.outbox
    assert message.subject == "Your request to join Directors' network"
    assert "could not approve your request" in message.body
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.REJECTED


def test_deciding_an_already_decided_request_changes_nothing(tasks_inline, django_capture_on_commit_callbacks):
    request = MembershipFactory(network=NetworkFactory(join_policy=APPROVAL), status="pending")
    first = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(membership_id=request.pk, decided_by=first)
    with pytest.raises(services.MembershipError) as error:
        services.reject_membership(membership_id=request.pk, decided_by=UserFactory())
    assert error.value.code == "already_decided"
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE and request.decided_by == first
    assert len(mail.outbox) == 1


def test_a_decision_is_e_mailed_once_however_often_the_task_runs(tasks_inline, django_capture_on_commit_callbacks):
    request = MembershipFactory(network=NetworkFactory(join_policy=APPROVAL), status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_membership(membership_id=request.pk, decided_by=UserFactory())
    assert services.send_membership_decision(membership_id=request.pk) is False
    assert len(mail.outbox) == 1


def test_no_decision_mail_when_the_member_left_before_it_went_out(user):
    request = MembershipFactory(user=user, network=NetworkFactory(join_policy=APPROVAL), status="pending")
    services.approve_membership(membership_id=request.pk, decided_by=UserFactory())  # mail not sent yet
    services.leave_network(user=user, network=request.network)
    assert services.send_membership_decision(membership_id=request.pk) is False
    assert mail.outbox == []


def test_a_request_to_join_is_e_mailed_to_the_networks_coordinators_in_their_language(
    tasks_inline, django_capture_on_commit_callbacks
):
    from tests.networks.factories import NetworkRoleFactory, make_coordinator

    network = NetworkFactory(join_policy=APPROVAL, name_fi="Johtajaverkosto", name_sv="Direktörsnätverket")
    chair = make_coordinator(network, preferred_language="fi")
    secretary = make_coordinator(network, role="secretary", preferred_language="sv")
    NetworkRoleFactory(network=network, role="contact", user__is_staff=False)  # no admin access: not asked
    NetworkRoleFactory(network=network, role="contact", user=None, name="Office", email="office@example.org")
    person = UserFactory(first_name="Aino", last_name="Aaltonen", organisation="Kirkkonummi")
    with django_capture_on_commit_callbacks(execute=True):
        services.join_network(user=person, network=network)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {chair.email, secretary.email}
    assert by_recipient[chair.email].subject == "Uusi jäsenyyspyyntö verkostoon Johtajaverkosto"
    assert by_recipient[secretary.email].subject == "Ny ansökan om medlemskap i Direktörsnätverket"
    body = by_recipient[chair.email].body
    assert "Aino Aaltonen" in body and "Kirkkonummi" in body
    assert f"/admin/networks/membership/?network__id__exact={network.pk}&status__exact=pending" in body


def test_joining_an_open_network_e_mails_no_one(user, tasks_inline, django_capture_on_commit_callbacks):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory()
    make_coordinator(network)
    with django_capture_on_commit_callbacks(execute=True):
        services.join_network(user=user, network=network)
    assert mail.outbox == []


def test_a_request_is_announced_once_however_often_the_task_runs(
    user, tasks_inline, django_capture_on_commit_callbacks
):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory(join_policy=APPROVAL)
    make_coordinator(network)
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.join_network(user=user, network=network)
    assert services.notify_coordinators_of_request(membership_id=membership.pk) == 0
    assert len(mail.outbox) == 1


def test_a_withdrawn_request_is_not_announced(user):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory(join_policy=APPROVAL)
    make_coordinator(network)
    membership = services.join_network(user=user, network=network)  # the announcement is not sent yet
    services.leave_network(user=user, network=network)
    assert services.notify_coordinators_of_request(membership_id=membership.pk) == 0
    assert mail.outbox == []


def test_adding_a_member_by_hand_records_who_decided_and_e_mails_them(tasks_inline, django_capture_on_commit_callbacks):
    staff = UserFactory()
    network = NetworkFactory(join_policy=Network.JoinPolicy.INVITATION, name_en="Coaching alumni")
    person = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.add_member(network=network, user=person, status=Membership.Status.ACTIVE, added_by=staff)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.ACTIVE
    assert membership.decided_by == staff and membership.decided_at and membership.joined_at
    [message] = mail.outbox
    assert message.to == [person.email] and message.subject == "Welcome to Coaching alumni"


def test_a_request_added_by_hand_is_announced_to_the_coordinators(tasks_inline, django_capture_on_commit_callbacks):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory(join_policy=APPROVAL)
    coordinator = make_coordinator(network)
    with django_capture_on_commit_callbacks(execute=True):
        membership = services.add_member(
            network=network, user=UserFactory(), status=Membership.Status.PENDING, added_by=UserFactory()
        )
    membership.refresh_from_db()
    assert membership.status == Membership.Status.PENDING and membership.decided_by is None
    assert [message.to for message in mail.outbox] == [[coordinator.email]]


def test_adding_a_current_member_by_hand_is_refused(user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network, status=Membership.Status.PENDING)
    with pytest.raises(services.MembershipError) as error:
        services.add_member(network=network, user=user, status=Membership.Status.ACTIVE, added_by=UserFactory())
    assert error.value.code == "has_membership"
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.PENDING


def test_someone_who_left_is_added_back_on_the_same_row_with_its_dates(user):
    joined = in_days(-100)
    left = MembershipFactory(user=user, status=Membership.Status.LEFT, joined_at=joined, left_at=joined)
    services.add_member(network=left.network, user=user, status=Membership.Status.ACTIVE, added_by=UserFactory())
    membership = Membership.objects.get(user=user)
    assert membership.pk == left.pk and membership.status == Membership.Status.ACTIVE
    assert membership.joined_at == joined and membership.left_at == joined


def test_a_decision_that_could_not_be_sent_is_sent_by_the_retry(settings, tasks_inline):
    request = MembershipFactory(network=NetworkFactory(join_policy=APPROVAL), status="pending")
    services.approve_membership(membership_id=request.pk, decided_by=UserFactory())  # mail not sent yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    with pytest.raises(OSError):
        services.send_membership_decision(membership_id=request.pk)
    assert Membership.objects.get(pk=request.pk).decision_mailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.send_membership_decision(membership_id=request.pk) is True
    assert len(mail.outbox) == 1
    assert Membership.objects.get(pk=request.pk).decision_mailed_at is not None


def test_an_announcement_that_could_not_be_sent_is_sent_by_the_retry(user, settings, tasks_inline):
    from tests.networks.factories import make_coordinator

    network = NetworkFactory(join_policy=APPROVAL)
    make_coordinator(network)
    membership = services.join_network(user=user, network=network)  # the announcement is not sent yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    with pytest.raises(OSError):
        services.notify_coordinators_of_request(membership_id=membership.pk)
    assert Membership.objects.get(pk=membership.pk).request_mailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.notify_coordinators_of_request(membership_id=membership.pk) == 1
