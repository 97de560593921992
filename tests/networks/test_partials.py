import pytest

from networks.models import Membership, Network
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_home_page_lists_the_networks_good_spiral_themes_first(client):
    NetworkFactory(name_en="Oral health directors", kind=Network.Kind.DIRECTOR_NETWORK, order=1, slug="oral")
    NetworkFactory(name_en="Prevention of falls", kind=Network.Kind.GOOD_SPIRAL_THEME, order=50, slug="falls")
    NetworkFactory(name_en="Closed down", is_active=False)
    html = client.get("/en/").content.decode()
    section = html.split('id="home-networks"')[1].split("</section>")[0]
    assert section.index('href="/en/networks/falls/"') < section.index('href="/en/networks/oral/"')
    assert "Closed down" not in section


def test_home_page_says_so_when_there_are_no_networks(client):
    assert "There are no networks yet." in client.get("/en/").content.decode()


def test_my_page_lists_my_networks_with_their_status(member_client, user):
    MembershipFactory(user=user, network=NetworkFactory(name_en="Prevention of falls", slug="falls"))
    MembershipFactory(user=user, network=NetworkFactory(name_en="Directors", slug="directors"), status="pending")
    MembershipFactory(user=user, network=NetworkFactory(name_en="Left one"), status=Membership.Status.LEFT)
    MembershipFactory(user=user, network=NetworkFactory(name_en="Rejected one"), status=Membership.Status.REJECTED)
    html = member_client.get("/en/me/").content.decode()
    section = html.split('id="my-networks-heading"')[1].split("</section>")[0]
    assert '<a href="/en/networks/falls/">Prevention of falls</a>:\n      member' in section
    assert '<a href="/en/networks/directors/">Directors</a>:\n      request waiting for a decision' in section
    assert "Left one" not in section and "Rejected one" not in section


def test_my_page_invites_to_find_networks_when_in_none(member_client):
    html = member_client.get("/en/me/").content.decode()
    assert "You are not in any network yet." in html and 'href="/en/networks/"' in html
