import json

import pytest
from allauth.account.models import EmailAddress

from events.models import Enrollment
from networks.services import invite_member
from tests.events.factories import EnrollmentFactory
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def test_member_downloads_their_own_data_as_json(member_client, user):
    MembershipFactory(user=user, network__name_en="Prevention of falls")
    EnrollmentFactory(user=user, answers={"diet": "vegan"}, status=Enrollment.Status.WAITLISTED)
    SubscriberFactory(email=user.email.upper(), language="sv")
    response = member_client.get("/en/me/export/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="hyte-data-')
    data = json.loads(response.content)
    assert data["profile"]["email"] == user.email
    assert data["network_memberships"][0]["network"] == "Prevention of falls"
    assert data["event_enrollments"][0]["answers"] == {"diet": "vegan"}
    assert data["event_enrollments"][0]["status"] == "waitlisted"
    assert data["newsletter_subscriptions"][0]["language"] == "sv"


def test_export_holds_nobody_elses_data(member_client, user):
    other = UserFactory()
    MembershipFactory(user=other)
    EnrollmentFactory(user=other)
    data = json.loads(member_client.get("/en/me/export/").content)
    assert data["network_memberships"] == [] and data["event_enrollments"] == []
    assert other.email not in json.dumps(data)


def test_export_requires_login(client):
    response = client.get("/en/me/export/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_export_runs_a_fixed_number_of_queries(member_client, user, django_assert_max_num_queries):
    from events.models import SessionAttendance
    from tests.events.factories import EventSessionFactory

    for _ in range(5):
        MembershipFactory(user=user)
        enrollment = EnrollmentFactory(user=user)
        SessionAttendance.objects.create(session=EventSessionFactory(event=enrollment.event), enrollment=enrollment)
        invite_member(network=NetworkFactory(), email=user.email, invited_by=None)
    # the sessions attended take one query, however many; so do the invitations
    with django_assert_max_num_queries(12):
        member_client.get("/en/me/export/")


def test_export_lists_the_invitations_sent_to_the_members_proved_addresses(member_client, user):
    invited_to = NetworkFactory(name_en="Oral health directors")
    invite_member(network=invited_to, email=user.email.upper(), invited_by=None)
    EmailAddress.objects.create(user=user, email="work@example.org", verified=True)
    invite_member(network=NetworkFactory(name_en="Work network"), email="work@example.org", invited_by=None)
    EmailAddress.objects.create(user=user, email="not-proved@example.org", verified=False)
    invite_member(network=NetworkFactory(name_en="Someone else's"), email="not-proved@example.org", invited_by=None)
    invite_member(network=invited_to, email="other@example.org", invited_by=None)

    data = json.loads(member_client.get("/en/me/export/").content)

    assert [(i["network"], i["email"], i["status"]) for i in data["network_invitations"]] == [
        ("Oral health directors", user.email.lower(), "pending"),
        ("Work network", "work@example.org", "pending"),
    ]
    assert data["network_invitations"][0]["valid_until"] and data["network_invitations"][0]["accepted_at"] is None
    assert "other@example.org" not in json.dumps(data) and "Someone else's" not in json.dumps(data)


def test_export_holds_my_session_attendance_and_certificate(member_client, user):
    from events.models import Certificate, SessionAttendance
    from tests.events.factories import EventSessionFactory

    enrollment = EnrollmentFactory(user=user)
    session = EventSessionFactory(event=enrollment.event, title_en="Service design")
    SessionAttendance.objects.create(session=session, enrollment=enrollment)
    certificate = Certificate.objects.create(enrollment=enrollment, language="en")
    [exported] = json.loads(member_client.get("/en/me/export/").content)["event_enrollments"]
    assert [row["session"] for row in exported["sessions_attended"]] == [session.title]
    assert exported["certificate"]["code"] == certificate.code and exported["certificate"]["revoked_at"] is None
