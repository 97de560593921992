"""The home page leads with the next morning meeting and the next big day, and a member enrols from there."""

import re

import pytest

from events.models import Enrollment
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.helpers import in_days
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def text(response):
    assert response.status_code == 200
    return re.sub(r"\s+", " ", response.content.decode())


def test_home_page_leads_with_the_next_morning_meeting_and_the_next_big_day(client):
    EventFactory(title_en="Morning meeting: later", kind="morning_meeting", start=in_days(30), end=in_days(30, 1))
    EventFactory(title_en="Morning meeting: loneliness", kind="morning_meeting", start=in_days(9), end=in_days(9, 1))
    EventFactory(title_en="Networking day", kind="networking_day", start=in_days(40), end=in_days(40, 6))
    EventFactory(title_en="Workshop on obesity", kind="development_workshop", start=in_days(2), end=in_days(2, 3))
    html = text(client.get("/en/"))
    hero = html[html.index('class="hero"') : html.index('id="home-events"')]
    assert re.search(r"Next morning meeting.*Morning meeting: loneliness", hero)
    assert re.search(r"Next big day.*Networking day", hero)
    assert "Workshop on obesity" not in hero and "Workshop on obesity" in html


def test_member_enrols_in_the_morning_meeting_with_one_click_from_the_home_page(member_client, user):
    meeting = EventFactory(title_en="Morning meeting: loneliness", kind="morning_meeting", format="online")
    html = text(member_client.get("/en/"))
    assert f'action="/en/events/{meeting.slug}/enrol/"' in html
    assert 'aria-label="Enrol: Morning meeting: loneliness"' in html
    response = member_client.post(f"/en/events/{meeting.slug}/enrol/")
    assert response.status_code == 302
    assert Enrollment.objects.get(user=user, event=meeting).status == Enrollment.Status.CONFIRMED
    assert "You are enrolled" in text(member_client.get("/en/"))


def test_home_page_sends_to_the_event_page_when_the_enrolment_asks_something(member_client):
    day = EventFactory(title_en="Good Spiral day", kind="good_spiral_day", format="hybrid")
    html = text(member_client.get("/en/"))
    assert f'action="/en/events/{day.slug}/enrol/"' not in html
    assert "See the event" in html


def test_visitor_is_asked_to_log_in_to_enrol_from_the_home_page(client):
    meeting = EventFactory(title_en="Morning meeting: loneliness", kind="morning_meeting")
    html = text(client.get("/en/"))
    assert f"/en/accounts/login/?next=/en/events/{meeting.slug}/" in html


def test_full_big_day_offers_the_waiting_list(member_client):
    day = EventFactory(title_en="Good Spiral day", kind="good_spiral_day", format="online", capacity=1)
    EnrollmentFactory(event=day)
    html = text(member_client.get("/en/"))
    assert "Full: you can join the waiting list" in html
    assert "Join the waiting list</button>" in html


def test_home_page_shows_the_networks_as_cards_with_their_theme(client):
    NetworkFactory(slug="fall-prevention", name_en="Prevention of falls")
    html = text(client.get("/en/"))
    assert re.search(r'class="card card-linked network-card theme-plum">.*icons.svg#balance.*Prevention of falls', html)
