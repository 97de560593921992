import pytest
from allauth.account.models import EmailAddress

from accounts import services
from accounts.models import User
from audit.models import AuditEntry
from events.models import Enrollment
from networks.models import Invitation, Membership
from networks.services import delete_invitations_of, invite_member
from newsletter.models import Subscriber
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.helpers import in_days
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_member_deletes_their_account_with_their_password(member_client, user):
    MembershipFactory(user=user)
    SubscriberFactory(email=user.email.upper())
    response = member_client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/en/"
    assert not User.objects.filter(pk=user.pk).exists()
    assert not Membership.objects.exists() and not Subscriber.objects.exists()
    assert not EmailAddress.objects.filter(email=user.email).exists()
    assert "_auth_user_id" not in member_client.session


def test_deleting_an_account_gives_its_seat_to_the_first_on_the_waiting_list(member_client, user):
    event = EventFactory(capacity=1)
    EnrollmentFactory(event=event, user=user, status=Enrollment.Status.CONFIRMED)
    waiting = EnrollmentFactory(event=event, status=Enrollment.Status.WAITLISTED)
    member_client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD})
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.CONFIRMED


def test_a_deletion_that_fails_releases_no_seat_either(user, monkeypatch):
    """Seats are released in the deletion's own transaction: if erasing the user fails, nobody moves up."""
    event = EventFactory(capacity=1)
    EnrollmentFactory(event=event, user=user, status=Enrollment.Status.CONFIRMED)
    waiting = EnrollmentFactory(event=event, status=Enrollment.Status.WAITLISTED)

    def fail(*args, **kwargs):
        raise RuntimeError("the database refused the delete")

    monkeypatch.setattr(User, "delete", fail)
    with pytest.raises(RuntimeError):
        services.delete_account(user=user, by=user)
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.WAITLISTED
    assert Enrollment.objects.get(user=user).status == Enrollment.Status.CONFIRMED


def test_a_wrong_password_deletes_nothing_and_says_so(member_client, user):
    response = member_client.post("/fi/me/delete/", {"password": "not-my-password"})
    assert response.status_code == 200
    assert "Salasana on väärä." in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_deleting_touches_nobody_else(member_client, user):
    other = UserFactory()
    MembershipFactory(user=other)
    SubscriberFactory(email=other.email)
    member_client.post("/en/me/delete/", {"password": DEFAULT_PASSWORD})
    assert User.objects.filter(pk=other.pk).exists()
    assert Membership.objects.filter(user=other).exists() and Subscriber.objects.filter(email=other.email).exists()


def test_delete_page_requires_login(client):
    assert client.get("/en/me/delete/").status_code == 302


def test_erasing_an_account_deletes_the_invitations_to_its_address_and_blanks_the_address_in_the_trail(user):
    waiting = invite_member(network=NetworkFactory(), email=user.email, invited_by=None)
    someone_elses = invite_member(network=waiting.network, email="someone@example.org", invited_by=None)
    services.delete_account(user=user, by=user)
    assert list(Invitation.objects.all()) == [someone_elses]
    entry = AuditEntry.objects.get(action="membership.invited", object_id=str(waiting.pk))
    assert "email" not in entry.details and entry.object_label == ""
    assert user.email not in str(list(AuditEntry.objects.values()))
    other_entry = AuditEntry.objects.get(action="membership.invited", object_id=str(someone_elses.pk))
    assert other_entry.details == {"email": "someone@example.org"}


def test_removing_an_account_never_verified_leaves_the_invitations_to_that_address():
    """Whoever signed up with the address never proved it theirs: its real owner's invitation stays."""
    stranger = UserFactory(email="owner@example.org", verified_email=False, date_joined=in_days(-8))
    EmailAddress.objects.create(user=stranger, email=stranger.email, verified=False, primary=True)
    invitation = invite_member(network=NetworkFactory(), email="owner@example.org", invited_by=None)
    assert services.delete_unverified_accounts() == 1
    assert Invitation.objects.filter(pk=invitation.pk).exists()


def test_an_accepted_invitation_goes_with_the_account_that_accepted_it(user):
    invitation = invite_member(network=NetworkFactory(), email="old-address@example.org", invited_by=None)
    Invitation.objects.filter(pk=invitation.pk).update(status=Invitation.Status.ACCEPTED, accepted_by=user)
    assert delete_invitations_of(user=user, addresses=[]) == 1
    assert not Invitation.objects.exists()
