"""Coordinators invite by e-mail address; the membership begins only when the invited person accepts."""

import re

import pytest
import time_machine
from django.core import mail

from audit.models import AuditEntry
from networks import selectors, services
from networks.models import Invitation, Membership, Network
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import MembershipFactory, NetworkFactory, make_coordinator

pytestmark = pytest.mark.django_db


@pytest.fixture
def network():
    return NetworkFactory(name_en="Oral health directors", join_policy=Network.JoinPolicy.INVITATION)


@pytest.fixture
def inviter(network):
    return make_coordinator(network, first_name="Kaisa", last_name="Koordinaattori")


@pytest.fixture
def person():
    return UserFactory(email="pia.person@example.org", preferred_language="en")


@pytest.fixture
def invite(network, inviter, tasks_inline, django_capture_on_commit_callbacks):
    """Invite an address to `network` as `inviter`, running what the invitation queues on commit."""

    def invite(email, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return services.invite_member(network=network, email=email, invited_by=inviter, **kwargs)

    return invite


def invitation_path(message) -> str:
    return re.search(r"https?://\S+?(/\w\w/networks/invitations/[\w-]+/)", message.body).group(1)


# The service


def test_an_invitation_is_e_mailed_in_the_persons_language_and_makes_no_membership(invite, person, network):
    invitation = invite("Pia.Person@Example.org")
    assert not Membership.objects.exists()
    assert invitation.status == Invitation.Status.PENDING and invitation.email == "pia.person@example.org"
    [message] = mail.outbox
    assert message.to == ["pia.person@example.org"]
    assert message.subject == "Invitation to join Oral health directors"
    assert "Kaisa Koordinaattori has invited you to join Oral health directors" in message.body
    assert invitation_path(message) == f"/en/networks/invitations/{invitation.token}/"
    assert invitation.token in message.alternatives[0][0]
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_an_address_without_an_account_gets_the_invitation_in_the_language_the_coordinator_chose(invite):
    invite("new.person@example.org", language="sv")
    [message] = mail.outbox
    assert message.subject.startswith("Inbjudan")
    assert "/sv/networks/invitations/" in message.body


def test_accepting_makes_an_active_member_decided_by_the_inviter(invite, person, network, inviter):
    invitation = invite(person.email)
    membership = services.accept_invitation(token=invitation.token, user=person)
    assert membership.status == Membership.Status.ACTIVE and membership.joined_at is not None
    assert membership.decided_by == inviter
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED and invitation.accepted_by == person


def test_the_invitation_and_its_acceptance_are_in_the_audit_trail(invite, person, network, inviter):
    invitation = invite(person.email)
    membership = services.accept_invitation(token=invitation.token, user=person)
    invited, accepted = AuditEntry.objects.order_by("pk")
    assert (invited.action, invited.actor, invited.network, invited.person) == (
        "membership.invited",
        inviter,
        network,
        person,
    )
    assert invited.object_id == str(invitation.pk)
    assert (accepted.action, accepted.actor, accepted.network, accepted.person) == (
        "membership.invitation_accepted",
        person,
        network,
        person,
    )
    assert accepted.object_id == str(membership.pk)


def test_an_invitation_to_an_address_without_an_account_names_no_person_in_the_trail(invite):
    invite("nobody.yet@example.org")
    entry = AuditEntry.objects.get(action="membership.invited")
    assert entry.person is None and entry.details["email"] == "nobody.yet@example.org"


def test_someone_with_another_address_cannot_accept(invite, person):
    invitation = invite(person.email)
    with pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=invitation.token, user=UserFactory())
    assert refused.value.code == "invitation_other_address"
    assert not Membership.objects.exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_an_invitation_expires_after_14_days(invite, person):
    invitation = invite(person.email)
    with time_machine.travel(in_days(13)):
        services.ensure_invitation_acceptable(invitation, user=person)
    with time_machine.travel(in_days(15)), pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=invitation.token, user=person)
    assert refused.value.code == "invitation_expired"
    assert not Membership.objects.exists()


def test_an_invitation_is_accepted_once(invite, person):
    invitation = invite(person.email)
    services.accept_invitation(token=invitation.token, user=person)
    with pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=invitation.token, user=person)
    assert refused.value.code == "invitation_used"


def test_inviting_the_same_address_again_replaces_the_earlier_link(invite, person):
    first = invite(person.email)
    second = invite(person.email.upper())
    assert first.token != second.token
    assert Invitation.objects.get(pk=first.pk).status == Invitation.Status.REPLACED
    with pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=first.token, user=person)
    assert refused.value.code == "invitation_replaced"
    services.accept_invitation(token=second.token, user=person)
    assert len(mail.outbox) == 2


def test_a_person_waiting_for_a_decision_who_accepts_an_invitation_becomes_a_member(invite, person, network):
    network.join_policy = Network.JoinPolicy.APPROVAL
    network.save()
    request = MembershipFactory(user=person, network=network, status=Membership.Status.PENDING)
    services.accept_invitation(token=invite(person.email).token, user=person)
    request.refresh_from_db()
    assert request.status == Membership.Status.ACTIVE


def test_an_inactive_network_takes_no_one_by_invitation(invite, person, network):
    invitation = invite(person.email)
    network.is_active = False
    network.save()
    with pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=invitation.token, user=person)
    assert refused.value.code == "network_closed"


def test_the_invitation_is_e_mailed_once_however_often_the_task_runs(invite, person):
    invitation = invite(person.email)
    assert services.send_invitation(invitation_id=invitation.pk) is False
    assert len(mail.outbox) == 1


def test_an_invitation_that_could_not_be_sent_is_sent_by_the_retry(network, inviter, person, settings):
    invitation = services.invite_member(network=network, email=person.email, invited_by=inviter)  # not sent yet
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2  # nothing listens there
    with pytest.raises(OSError):
        services.send_invitation(invitation_id=invitation.pk)
    assert Invitation.objects.get(pk=invitation.pk).mailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert services.send_invitation(invitation_id=invitation.pk) is True
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    "token", ["", "\x00", "a" * 42, "a" * 44, "a" * 42 + "\x00", "../" * 15, "ä" * 43, "a" * 10_000]
)
def test_a_malformed_token_is_refused_before_any_query(token, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert selectors.invitation_for_token(token) is None
    with django_assert_num_queries(0), pytest.raises(services.MembershipError) as refused:
        services.accept_invitation(token=token, user=UserFactory.build())
    assert refused.value.code == "invitation_unknown"


# The page the link opens


def url_of(invitation, language="en"):
    return f"/{language}/networks/invitations/{invitation.token}/"


def test_opening_the_link_changes_nothing(client, invite, person):
    """Mail scanners open every link: a GET, logged in or not, shows a page and accepts nothing."""
    invitation = invite(person.email)
    assert client.get(url_of(invitation)).status_code == 200
    client.force_login(person)
    page = client.get(url_of(invitation))
    assert page.status_code == 200
    assert ">Accept the invitation</button>" in page.content.decode()
    assert not Membership.objects.exists()
    assert Invitation.objects.get(pk=invitation.pk).status == Invitation.Status.PENDING


def test_a_visitor_is_asked_to_log_in_or_sign_up_with_the_invited_address_and_come_back(client, invite):
    invitation = invite("new.person@example.org")
    html = client.get(url_of(invitation)).content.decode()
    assert "Kaisa Koordinaattori has invited you to join Oral health directors." in html
    assert "new.person@example.org" in html
    next_query = f"?next=/en/networks/invitations/{invitation.token}/"
    assert f'href="/en/accounts/login/{next_query}"' in html
    assert f'href="/en/accounts/signup/{next_query}"' in html


def test_the_invited_person_accepts_on_the_page(client, invite, person, network):
    invitation = invite(person.email)
    client.force_login(person)
    response = client.post(url_of(invitation), follow=True)
    assert response.redirect_chain[-1][0] == f"/en/networks/{network.slug}/"
    assert "Welcome! You are now a member of Oral health directors." in response.content.decode()
    assert Membership.objects.get(user=person, network=network).status == Membership.Status.ACTIVE


def test_a_visitor_pressing_accept_is_sent_to_log_in_first(client, invite, person):
    invitation = invite(person.email)
    response = client.post(url_of(invitation))
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/en/networks/invitations/{invitation.token}/"
    assert not Membership.objects.exists()


def test_someone_logged_in_with_another_address_is_told_whose_invitation_it_is(client, invite, person):
    invitation = invite(person.email)
    client.force_login(UserFactory(email="someone.else@example.org"))
    page = client.get(url_of(invitation)).content.decode()
    assert "This invitation to Oral health directors was sent to pia.person@example.org." in page
    assert "Accept the invitation" not in page
    response = client.post(url_of(invitation), follow=True)
    assert "was sent to pia.person@example.org" in response.content.decode()
    assert not Membership.objects.exists()


def test_an_expired_link_says_so(client, invite, person):
    invitation = invite(person.email)
    client.force_login(person)
    with time_machine.travel(in_days(15)):
        page = client.get(url_of(invitation))
    assert page.status_code == 200
    assert "This invitation to Oral health directors has expired." in page.content.decode()
    assert "Accept the invitation" not in page.content.decode()


@pytest.mark.parametrize("token", ["%00", "a%00b", "x" * 500, "not-a-token"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_junk_or_unknown_link_is_not_found_not_a_server_error(client, token, method):
    response = getattr(client, method)(f"/en/networks/invitations/{token}/")
    assert response.status_code == 404
    assert "This invitation link is not valid." in response.content.decode()


def test_a_link_that_looks_right_but_is_unknown_is_not_found(client):
    response = client.get(f"/en/networks/invitations/{'A' * 43}/")
    assert response.status_code == 404
