"""Who reaches what: members-only pages ask a visitor to log in, secrets answer only for live accounts."""

import pytest
from django.urls import reverse

from events import services
from events.models import CalendarFeed, Event
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directors_meeting(db):
    return EventFactory(audience=Event.Audience.NETWORK_MEMBERS, network=NetworkFactory(), slug="directors-meeting")


def test_a_visitor_following_a_members_only_link_is_asked_to_log_in(client, directors_meeting):
    response = client.get("/en/events/directors-meeting/")
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next=/en/events/directors-meeting/"


def test_after_logging_in_a_member_of_the_network_sees_it(client, directors_meeting):
    member = UserFactory()
    MembershipFactory(user=member, network=directors_meeting.network)
    client.force_login(member)
    assert client.get("/en/events/directors-meeting/").status_code == 200


def test_a_member_of_another_network_gets_not_found(client, directors_meeting):
    client.force_login(UserFactory())
    assert client.get("/en/events/directors-meeting/").status_code == 404


def test_a_visitor_asking_for_a_draft_or_a_missing_event_gets_not_found(client):
    EventFactory(status=Event.Status.DRAFT, audience=Event.Audience.NETWORK_MEMBERS, slug="draft")
    assert client.get("/en/events/draft/").status_code == 404
    assert client.get("/en/events/no-such-event/").status_code == 404


def test_a_deactivated_accounts_feed_stops_answering(client):
    member = UserFactory()
    event = EventFactory(online_url="https://teams.example.org/secret")
    services.enroll(event=event, user=member)
    feed = CalendarFeed.objects.create(user=member)
    url = f"/en/me/calendar/{feed.token}.ics"
    assert client.get(url).status_code == 200
    member.is_active = False
    member.save()
    response = client.get(url)
    assert response.status_code == 404
    assert b"teams.example.org" not in response.content


@pytest.mark.parametrize(
    "token", ["%00", "a%00b", "x" * 300, "..%2F..", "%C3%A4%C3%A4%C3%A4%C3%A4%C3%A4%C3%A4%C3%A4%C3%A4"]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_malformed_feed_token_is_not_found(client, token, method):
    assert getattr(client, method)(f"/en/me/calendar/{token}.ics").status_code in (404, 405)


def test_another_members_cancel_and_certificate_urls_answer_as_missing_ones(client):
    client.force_login(UserFactory())
    assert client.post("/en/events/enrolments/999999/cancel/").status_code == 404
    assert client.get("/en/events/certificates/999999.pdf").status_code == 404
