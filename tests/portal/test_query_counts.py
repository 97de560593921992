"""The pages that gather every app's sections run a fixed number of queries whatever the data size."""

import pytest

from tests.events.factories import EnrollmentFactory, EventFactory
from tests.helpers import HOME_PAGE_QUERIES, MY_PAGE_QUERIES, count_queries
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db


def fill_portal(size, user):
    for _ in range(size):
        network = NetworkFactory()
        MembershipFactory(network=network)
        MembershipFactory(network=network, user=user)
        event = EventFactory(network=network)
        EnrollmentFactory(event=event)
        EnrollmentFactory(event=event, user=user)
        MaterialFactory().networks.add(network)
    if not user.newsletter_subscriptions.exists():
        SubscriberFactory(email=user.email, user=user)


@pytest.mark.parametrize("size", [2, 25])
def test_home_page_query_count_does_not_grow_with_the_data(client, user, size, django_assert_max_num_queries):
    fill_portal(size, user)
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):
        client.get("/fi/")
    client.force_login(user)
    # A member adds the session, the user, their networks, and their enrolments in the featured events.
    with django_assert_max_num_queries(HOME_PAGE_QUERIES + 4):
        client.get("/fi/")


@pytest.mark.parametrize("size", [2, 25])
def test_my_page_query_count_does_not_grow_with_the_data(client, user, size, django_assert_max_num_queries):
    fill_portal(size, user)
    client.force_login(user)
    with django_assert_max_num_queries(MY_PAGE_QUERIES):
        client.get("/fi/me/")


def test_small_and_large_portals_run_the_same_queries(client, user):
    fill_portal(2, user)
    client.force_login(user)
    small = (count_queries(client, "/fi/"), count_queries(client, "/fi/me/"))
    fill_portal(20, user)
    assert (count_queries(client, "/fi/"), count_queries(client, "/fi/me/")) == small
