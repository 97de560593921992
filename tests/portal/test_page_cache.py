"""Visitors' pages from the cache (hyte_portal.page_cache): a change shows at once, seats are never staler than a
few seconds, a member never gets or leaves a cached page, and the forms on a cached page carry the visitor's own
CSRF token."""

import re

import pytest
import time_machine
from django.test import Client

from events.models import Event
from events.services import enroll
from networks.models import Membership
from networks.services import join_network
from newsletter.models import Subscriber
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def served_from_cache(response) -> bool:
    return response.get("X-Page-Cache") == "hit"


@pytest.fixture
def locmem_cache(settings):
    """The embedded default's cache, whose expiry follows the (travelled) clock."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


def test_a_visitor_gets_the_second_view_of_a_page_from_the_cache(client):
    EventFactory(title_fi="Aamukahvit")
    assert not served_from_cache(client.get("/fi/events/"))
    again = client.get("/fi/events/")
    assert served_from_cache(again)
    assert "Aamukahvit" in again.content.decode()


def test_a_changed_event_shows_at_once(client):
    event = EventFactory(title_fi="Vanha otsikko")
    client.get("/fi/events/")
    event.title_fi = "Uusi otsikko"
    event.save()
    page = client.get("/fi/events/").content.decode()
    assert "Uusi otsikko" in page and "Vanha otsikko" not in page


def test_an_enrolment_shows_in_the_seats_left_at_once(client):
    event = EventFactory(capacity=3)
    client.get(f"/fi/events/{event.slug}/")
    enroll(event=event, user=UserFactory(), answers={})
    response = client.get(f"/fi/events/{event.slug}/")
    assert not served_from_cache(response)
    assert "2/3 vapaana" in response.content.decode()


def test_seats_changed_without_a_signal_show_within_five_seconds(client, locmem_cache):
    event = EventFactory(capacity=3)
    enroll(event=event, user=UserFactory(), answers={})
    with time_machine.travel("2030-01-01 08:00:00+00:00", tick=False) as traveller:
        assert "2/3 vapaana" in client.get(f"/fi/events/{event.slug}/").content.decode()
        Event.objects.filter(pk=event.pk).update(capacity=4)  # an update() sends no signal
        assert served_from_cache(client.get(f"/fi/events/{event.slug}/"))
        traveller.shift(6)
        fresh = client.get(f"/fi/events/{event.slug}/")
        assert not served_from_cache(fresh)
        assert "3/4 vapaana" in fresh.content.decode()


def test_a_new_member_shows_in_the_network_count_at_once(client):
    network = NetworkFactory()
    client.get("/fi/networks/")
    join_network(user=UserFactory(), network=network)
    assert Membership.objects.filter(network=network, status="active").count() == 1
    assert "<dt>Jäseniä</dt><dd>1</dd>" in client.get(f"/fi/networks/{network.slug}/").content.decode()
    assert "<dt>Jäseniä</dt><dd>1</dd>" in client.get("/fi/networks/").content.decode()


def test_a_member_is_never_served_the_visitors_page(client, member_client_factory):
    EventFactory()
    client.get("/fi/")
    assert served_from_cache(client.get("/fi/"))
    member = member_client_factory()
    response = member.get("/fi/")
    assert not served_from_cache(response)
    assert "Kirjaudu ulos" in response.content.decode()  # the member's own header


def test_a_members_page_is_never_stored_for_visitors(client, member_client_factory):
    EventFactory()
    member = member_client_factory()
    member.get("/fi/events/")
    member.get("/fi/")
    first_visit = client.get("/fi/")
    assert not served_from_cache(first_visit)
    assert "Kirjaudu ulos" not in first_visit.content.decode()


def test_a_visitor_with_a_message_waiting_gets_a_fresh_page(client):
    client.get("/fi/")
    client.cookies["messages"] = "anything"
    assert not served_from_cache(client.get("/fi/"))


def test_each_visitor_gets_their_own_csrf_token_on_a_cached_page():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get("/fi/")
    second_page = second.get("/fi/")
    assert served_from_cache(second_page)
    first_tokens = TOKEN.findall(first_page.content.decode())
    second_tokens = TOKEN.findall(second_page.content.decode())
    assert first_tokens and second_tokens
    assert not set(first_tokens) & set(second_tokens)
    assert "csrftoken" in second_page.cookies  # the token's cookie is set for the cached page too


def test_the_newsletter_form_on_a_cached_home_page_works():
    Client().get("/fi/")  # fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/fi/")
    assert served_from_cache(page)
    token = TOKEN.findall(page.content.decode())[0]
    response = visitor.post("/fi/newsletter/", {"email": "lukija@example.org", "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="lukija@example.org").exists()


def test_a_forged_post_from_a_cached_page_is_still_refused():
    Client().get("/fi/")
    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/fi/")
    response = visitor.post("/fi/newsletter/", {"email": "lukija@example.org", "csrfmiddlewaretoken": "x" * 64})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_the_cache_is_off_with_zero_seconds(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/fi/networks/")
    assert not served_from_cache(client.get("/fi/networks/"))


@pytest.fixture
def member_client_factory(db):
    def make():
        member = Client()
        member.force_login(UserFactory())
        return member

    return make
