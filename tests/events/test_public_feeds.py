"""Public calendar feeds: all public events at /<lang>/events/feed.ics, a network's at
/<lang>/networks/<slug>/calendar.ics. No members-only event, no draft, no online meeting link; unknown -> 404."""

import datetime as dt

import pytest
from icalendar import Calendar

from events.models import Event
from tests.events.factories import EventFactory
from tests.helpers import count_queries, in_days
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db
FEED = "/fi/events/feed.ics"


def summaries(client, path) -> list[str]:
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return [str(component["SUMMARY"]) for component in calendar.walk("VEVENT")]


def test_feed_lists_public_events_and_cancelled_ones_but_no_members_only_or_drafts(client):
    EventFactory(title_fi="Avoin aamukahvi")
    EventFactory(title_fi="Peruttu päivä", status=Event.Status.CANCELLED)
    EventFactory(title_fi="Johtajien kokous", audience=Event.Audience.NETWORK_MEMBERS, network=NetworkFactory())
    EventFactory(title_fi="Luonnos", status=Event.Status.DRAFT)
    EventFactory(title_fi="Kauan sitten", start=in_days(-400), end=in_days(-400) + dt.timedelta(hours=1))
    assert sorted(summaries(client, FEED)) == ["Avoin aamukahvi", "Peruttu päivä"]


def test_feed_never_carries_the_online_meeting_link(client):
    EventFactory(online_url="https://meet.example.org/secret-room")
    assert b"secret-room" not in client.get(FEED).content


def test_cancelled_event_is_marked_cancelled_in_the_feed(client):
    EventFactory(status=Event.Status.CANCELLED)
    calendar = Calendar.from_ical(client.get(FEED).content)
    assert [str(event["STATUS"]) for event in calendar.walk("VEVENT")] == ["CANCELLED"]


def test_network_feed_lists_only_that_networks_public_events(client):
    network, other = NetworkFactory(slug="kaatumiset"), NetworkFactory()
    EventFactory(title_fi="Verkoston tapaaminen", network=network)
    EventFactory(title_fi="Jäsenten ilta", network=network, audience=Event.Audience.NETWORK_MEMBERS)
    EventFactory(title_fi="Toisen verkoston", network=other)
    assert summaries(client, "/fi/networks/kaatumiset/calendar.ics") == ["Verkoston tapaaminen"]


@pytest.mark.parametrize("slug", ["ei-ole", "inactive", "x" * 300])
def test_feed_of_a_network_that_does_not_exist_or_is_closed_is_not_found(client, slug):
    NetworkFactory(slug="inactive", is_active=False)
    assert client.get(f"/fi/networks/{slug}/calendar.ics").status_code == 404


@pytest.mark.parametrize(
    "path", ["/fi/networks/../calendar.ics", "/fi/networks/%00/calendar.ics", "/fi/events/feed.ics/x"]
)
def test_malformed_feed_addresses_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_feeds_run_a_fixed_number_of_queries(client):
    network = NetworkFactory(slug="verkosto")
    EventFactory(network=network)
    few = (count_queries(client, FEED), count_queries(client, "/fi/networks/verkosto/calendar.ics"))
    for _ in range(6):
        EventFactory(network=network)
    many = (count_queries(client, FEED), count_queries(client, "/fi/networks/verkosto/calendar.ics"))
    assert few == many


def test_events_page_and_network_page_link_their_feeds(client):
    NetworkFactory(slug="verkosto")
    assert 'href="/fi/events/feed.ics"' in client.get("/fi/events/").content.decode()
    assert 'href="/fi/networks/verkosto/calendar.ics"' in client.get("/fi/networks/verkosto/").content.decode()
