"""Each networks page runs a fixed number of queries, whether there are 10 or 200 networks' worth of data."""

import datetime as dt

import pytest
from django.utils import timezone

from accounts.models import User
from events.models import Event
from materials.models import Material
from networks.models import Membership, Network, NetworkRole
from tests.factories import UserFactory
from tests.helpers import HOME_PAGE_QUERIES, MY_PAGE_QUERIES

pytestmark = pytest.mark.django_db

SIZES = [10, 200]


def populate(size, viewer):
    """`size` networks, `size` people each in every fifth network and all in the first, with roles, events and
    materials on the first network; the viewer is an active member of every network."""
    kinds = Network.Kind.values
    networks = Network.objects.bulk_create(
        Network(
            slug=f"network-{i}",
            name_fi=f"Verkosto {i}",
            name_en=f"Network {i}",
            summary_fi="Tiivistelmä.",
            kind=kinds[i % len(kinds)],
            order=i,
            join_policy=Network.JoinPolicy.OPEN,
        )
        for i in range(size)
    )
    people = User.objects.bulk_create(
        User(email=f"person-{i}@example.org", first_name="Person", last_name=str(i), listed_in_directory=True)
        for i in range(size)
    )
    now = timezone.now()
    memberships = [Membership(user=viewer, network=network, status="active", joined_at=now) for network in networks]
    for i, person in enumerate(people):
        memberships.append(Membership(user=person, network=networks[0], status="active", joined_at=now))
        for network in networks[1 + i % 5 :: 5]:
            memberships.append(Membership(user=person, network=network, status="pending"))
    Membership.objects.bulk_create(memberships)
    NetworkRole.objects.bulk_create(
        NetworkRole(network=networks[0], user=person, role=NetworkRole.Role.CONTACT) for person in people[:size]
    )
    start = now + dt.timedelta(days=3)
    Event.objects.bulk_create(
        Event(
            slug=f"event-{i}",
            title_fi=f"Tapahtuma {i}",
            kind=Event.Kind.NETWORK_MEETING,
            network=networks[0],
            status=Event.Status.PUBLISHED,
            start=start + dt.timedelta(days=i),
            end=start + dt.timedelta(days=i, hours=1),
        )
        for i in range(size)
    )
    materials = Material.objects.bulk_create(
        Material(title_fi=f"Aineisto {i}", url=f"https://example.org/{i}") for i in range(size)
    )
    Material.networks.through.objects.bulk_create(
        Material.networks.through(material=material, network=networks[0]) for material in materials
    )
    return networks[0]


@pytest.fixture
def viewer(client):
    person = UserFactory()
    client.force_login(person)
    return person


@pytest.mark.parametrize("size", SIZES)
def test_network_list_queries(client, viewer, size, django_assert_max_num_queries):
    populate(size, viewer)
    with django_assert_max_num_queries(5):  # 4, and the member counts when they are not in the cache yet
        response = client.get("/fi/networks/")
    assert response.content.decode().count(" network-card ") == size


@pytest.mark.parametrize("size", SIZES)
def test_network_page_queries(client, viewer, size, django_assert_max_num_queries):
    network = populate(size, viewer)
    with django_assert_max_num_queries(9):  # and the member counts when not in the cache
        response = client.get(f"/fi/networks/{network.slug}/")
    assert f"<dt>Jäseniä</dt><dd>{size + 1}</dd>" in response.content.decode()


@pytest.mark.parametrize("size", SIZES)
def test_network_page_queries_for_a_visitor(client, size, django_assert_max_num_queries):
    network = populate(size, UserFactory())
    with django_assert_max_num_queries(5):  # and the member counts when not in the cache
        assert client.get(f"/fi/networks/{network.slug}/").status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_member_directory_queries(client, viewer, size, django_assert_max_num_queries):
    network = populate(size, viewer)
    with django_assert_max_num_queries(5):
        response = client.get(f"/fi/networks/{network.slug}/members/")
    assert response.content.decode().count('<th scope="row">') == size


@pytest.mark.parametrize("size", SIZES)
def test_my_page_queries(client, viewer, size, django_assert_max_num_queries):
    populate(size, viewer)
    with django_assert_max_num_queries(MY_PAGE_QUERIES):  # the whole page, every app's section
        response = client.get("/fi/me/")
    assert response.content.decode().count("/networks/network-") >= size


@pytest.mark.parametrize("size", SIZES)
def test_home_page_queries(client, size, django_assert_max_num_queries):
    populate(size, UserFactory())
    with django_assert_max_num_queries(HOME_PAGE_QUERIES):  # the whole page, every app's section
        response = client.get("/fi/")
    assert response.content.decode().count("/networks/network-") == size
