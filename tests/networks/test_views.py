import re

import pytest

from accounts.models import User
from events.models import Event
from materials.models import Material
from networks.models import Membership, Network, NetworkRole
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, NetworkRoleFactory

pytestmark = pytest.mark.django_db

APPROVAL = Network.JoinPolicy.APPROVAL
INVITATION = Network.JoinPolicy.INVITATION


def page(response):
    assert response.status_code == 200
    return response.content.decode()


# The list page


def test_list_groups_the_networks_by_kind_good_spiral_themes_first(client):
    NetworkFactory(name_en="Oral health directors", kind=Network.Kind.DIRECTOR_NETWORK, order=1)
    NetworkFactory(name_en="Prevention of falls", kind=Network.Kind.GOOD_SPIRAL_THEME, order=50)
    html = page(client.get("/en/networks/"))
    assert html.index('<h2 id="kind-good_spiral_theme">Good Spiral theme networks</h2>') < html.index(
        "Prevention of falls"
    )
    assert (
        html.index("Prevention of falls") < html.index("Director networks</h2>") < html.index("Oral health directors")
    )


def test_list_shows_summary_member_count_and_join_policy(client):
    network = NetworkFactory(name_en="Prevention of falls", summary_en="Peer support for fall prevention.")
    MembershipFactory.create_batch(3, network=network)
    MembershipFactory(network=network, status=Membership.Status.PENDING)
    MembershipFactory(network=network, status=Membership.Status.LEFT)
    html = page(client.get("/en/networks/"))
    assert "Peer support for fall prevention." in html
    assert "<dt>Members</dt><dd>3</dd>" in html
    assert "Open: join at once" in html


def test_list_hides_inactive_networks(client):
    NetworkFactory(name_en="Closed down network", is_active=False)
    assert "Closed down network" not in page(client.get("/en/networks/"))


def test_list_tells_a_member_where_they_are_in(member_client, user):
    MembershipFactory(user=user, network=NetworkFactory())
    MembershipFactory(user=user, network=NetworkFactory(join_policy=APPROVAL), status=Membership.Status.PENDING)
    html = page(member_client.get("/en/networks/"))
    assert "You are a member" in html
    assert "Your request is waiting for a decision" in html


def test_list_speaks_finnish_with_finnish_names(client):
    NetworkFactory(name_fi="Kaatumisten ehkäisy", name_en="Prevention of falls")
    html = page(client.get("/fi/networks/"))
    assert "<h1>Verkostot</h1>" in html and "Kaatumisten ehkäisy" in html and "Prevention of falls" not in html


# The network page


def test_network_page_shows_description_focus_areas_rhythm_and_contacts(client):
    network = NetworkFactory(
        name_en="Prevention of falls",
        description_en="Falls are the most common accidents.",
        focus_areas_en="Fall risk assessment\nBalance exercise",
        meeting_rhythm_en="A workshop once a year",
    )
    contact = UserFactory(first_name="Tuula", last_name="Tasapaino", email="falls@example.org")
    NetworkRoleFactory(network=network, user=contact, role=NetworkRole.Role.CONTACT)
    NetworkRoleFactory(network=network, user=None, name="Network office", email="office@example.org", role="secretary")
    html = page(client.get(f"/en/networks/{network.slug}/"))
    assert "<h1>Prevention of falls</h1>" in html
    assert "Falls are the most common accidents." in html
    assert "<li>Fall risk assessment</li><li>Balance exercise</li>" in html
    assert "A workshop once a year" in html
    assert "<strong>Tuula Tasapaino</strong>, contact person" in html
    assert 'href="mailto:falls@example.org"' in html
    assert "<strong>Network office</strong>, secretary" in html


def test_unknown_or_inactive_network_is_404(client):
    NetworkFactory(slug="old", is_active=False)
    assert client.get("/en/networks/no-such-network/").status_code == 404
    assert client.get("/en/networks/old/").status_code == 404


def test_visitor_is_asked_to_log_in_to_join(client):
    network = NetworkFactory()
    html = page(client.get(f"/en/networks/{network.slug}/"))
    assert f'href="/en/accounts/login/?next=/en/networks/{network.slug}/"' in html
    assert "Log in to join" in html and "Join the network</button>" not in html


def test_logged_in_visitor_sees_join_on_an_open_network(member_client):
    network = NetworkFactory()
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert f'action="/en/networks/{network.slug}/join/"' in html and "Join the network</button>" in html


def test_logged_in_visitor_sees_ask_to_join_on_an_approval_network(member_client):
    network = NetworkFactory(join_policy=APPROVAL)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "Ask to join</button>" in html and "approved by its coordinators" in html


def test_invitation_network_shows_how_to_get_in_touch_and_no_button(member_client):
    network = NetworkFactory(join_policy=INVITATION)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "open by invitation only" in html
    assert "/join/" not in html


def test_pending_member_sees_the_request_waiting_and_can_withdraw_it(member_client, user):
    network = NetworkFactory(join_policy=APPROVAL)
    MembershipFactory(user=user, network=network, status=Membership.Status.PENDING)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "Your request to join is waiting for a decision." in html
    assert "Withdraw my request</a>" in html and "Ask to join" not in html


def test_active_member_sees_leave_and_the_directory_link(member_client, user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "You are a member of this network." in html
    assert "Leave the network</a>" in html
    assert f'href="/en/networks/{network.slug}/members/"' in html


def test_network_page_lists_its_upcoming_events_and_materials(client):
    network = NetworkFactory()
    EventFactory(network=network, title_en="Fall prevention workshop")
    EventFactory(network=network, title_en="Past workshop", start=in_days(-30))
    EventFactory(network=network, title_en="Members only meeting", audience=Event.Audience.NETWORK_MEMBERS)
    EventFactory(title_en="Another network's event")
    MaterialFactory(title_en="Fall risk self-assessment").networks.add(network)
    MaterialFactory(title_en="Members' slides", visibility=Material.Visibility.MEMBERS).networks.add(network)
    html = page(client.get(f"/en/networks/{network.slug}/"))
    assert "Fall prevention workshop" in html
    assert "Past workshop" not in html and "Another network&#x27;s event" not in html
    assert "Members only meeting" not in html
    assert "Fall risk self-assessment" in html and "Members&#x27; slides" not in html


def test_members_see_members_only_events_and_materials(member_client, user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network)
    EventFactory(network=network, title_en="Members only meeting", audience=Event.Audience.NETWORK_MEMBERS)
    MaterialFactory(title_en="Slides for members", visibility=Material.Visibility.MEMBERS).networks.add(network)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "Members only meeting" in html and "Slides for members" in html


def test_network_page_says_so_when_it_has_no_events_or_materials(client):
    html = page(client.get(f"/en/networks/{NetworkFactory().slug}/"))
    assert "No upcoming events of this network at the moment." in html
    assert "no materials in the material bank yet" in html


# Joining and leaving


def test_join_makes_a_member_and_says_welcome(member_client, user):
    network = NetworkFactory(name_en="Prevention of falls")
    response = member_client.post(f"/en/networks/{network.slug}/join/", follow=True)
    assert response.redirect_chain == [(f"/en/networks/{network.slug}/", 302)]
    assert "Welcome! You are now a member of Prevention of falls." in page(response)
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.ACTIVE


def test_asking_to_join_says_the_coordinators_decide(member_client, user):
    network = NetworkFactory(join_policy=APPROVAL, name_en="Directors")
    html = page(member_client.post(f"/en/networks/{network.slug}/join/", follow=True))
    assert "Your request to join Directors has been sent." in html
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.PENDING


def test_joining_twice_gives_a_message_not_an_error(member_client, user):
    network = NetworkFactory(name_en="Prevention of falls")
    member_client.post(f"/en/networks/{network.slug}/join/")
    html = page(member_client.post(f"/en/networks/{network.slug}/join/", follow=True))
    assert "You are already a member of Prevention of falls." in html
    assert Membership.objects.filter(user=user).count() == 1


def test_joining_an_invitation_network_by_a_forged_post_changes_nothing(member_client):
    network = NetworkFactory(join_policy=INVITATION, name_en="Alumni")
    html = page(member_client.post(f"/en/networks/{network.slug}/join/", follow=True))
    assert "Alumni is open by invitation only." in html
    assert not Membership.objects.exists()


def test_anonymous_join_goes_to_log_in_and_back_to_the_network_page(client):
    network = NetworkFactory()
    response = client.post(f"/en/networks/{network.slug}/join/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/en/networks/{network.slug}/"
    assert not Membership.objects.exists()


def test_join_answers_only_post_and_leave_asks_first(member_client, user):
    network = NetworkFactory()
    assert member_client.get(f"/en/networks/{network.slug}/join/").status_code == 405
    assert not Membership.objects.exists()
    # Nothing to leave yet: the network's page says what the member can do.
    assert member_client.get(f"/en/networks/{network.slug}/leave/")["Location"] == f"/en/networks/{network.slug}/"


def test_leaving_asks_for_confirmation_before_anything_changes(member_client, user):
    network = NetworkFactory(name_en="Directors", join_policy=APPROVAL)
    MembershipFactory(user=user, network=network)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert f'<a class="button button-secondary" href="/en/networks/{network.slug}/leave/">Leave the network</a>' in html
    html = page(member_client.get(f"/en/networks/{network.slug}/leave/"))
    assert "<h1>Leave Directors?</h1>" in html
    assert "the coordinators need to approve you again" in html
    assert f'<form method="post" action="/en/networks/{network.slug}/leave/"' in html
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.ACTIVE


def test_withdrawing_a_request_asks_for_confirmation(member_client, user):
    network = NetworkFactory(name_en="Directors", join_policy=APPROVAL)
    MembershipFactory(user=user, network=network, status=Membership.Status.PENDING)
    html = page(member_client.get(f"/en/networks/{network.slug}/leave/"))
    assert "<h1>Withdraw your request to join Directors?</h1>" in html
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.PENDING


def test_join_on_an_unknown_network_is_404(member_client):
    assert member_client.post("/en/networks/no-such-network/join/").status_code == 404


def test_leave_says_goodbye_and_keeps_the_row(member_client, user):
    network = NetworkFactory(name_en="Prevention of falls")
    MembershipFactory(user=user, network=network)
    html = page(member_client.post(f"/en/networks/{network.slug}/leave/", follow=True))
    assert "You have left Prevention of falls." in html
    assert "Join the network</button>" in html
    assert Membership.objects.get(user=user, network=network).status == Membership.Status.LEFT


def test_withdrawing_a_request_says_so(member_client, user):
    network = NetworkFactory(join_policy=APPROVAL, name_en="Directors")
    MembershipFactory(user=user, network=network, status=Membership.Status.PENDING)
    html = page(member_client.post(f"/en/networks/{network.slug}/leave/", follow=True))
    assert "Your request to join Directors has been withdrawn." in html


def test_leaving_a_network_you_are_not_in_gives_a_message(member_client):
    network = NetworkFactory(name_en="Prevention of falls")
    html = page(member_client.post(f"/en/networks/{network.slug}/leave/", follow=True))
    assert "You are not a member of Prevention of falls." in html
    assert not Membership.objects.exists()


def test_post_without_csrf_token_is_refused(user):
    from django.test import Client

    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(user)
    network = NetworkFactory()
    assert csrf_client.post(f"/en/networks/{network.slug}/join/").status_code == 403
    assert not Membership.objects.exists()


# The member directory


def test_directory_lists_opted_in_active_members_with_title_organisation_region(member_client, user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network)
    listed = UserFactory(
        first_name="Aino",
        last_name="Aaltonen",
        job_title="Chief physician",
        organisation="Kirkkonummi",
        region=User.Region.WEST_UUSIMAA,
        listed_in_directory=True,
    )
    MembershipFactory(user=listed, network=network)
    MembershipFactory(user=UserFactory(last_name="Hidden", listed_in_directory=False), network=network)
    MembershipFactory(
        user=UserFactory(last_name="Pending", listed_in_directory=True), network=network, status="pending"
    )
    MembershipFactory(user=UserFactory(last_name="Gone", listed_in_directory=True), network=network, status="left")
    html = page(member_client.get(f"/en/networks/{network.slug}/members/"))
    row = re.search(r"<tr>\s*<th scope=\"row\">Aino Aaltonen</th>.*?</tr>", html, re.S).group(0)
    assert "Chief physician" in row and "Kirkkonummi" in row and "Western Uusimaa wellbeing services county" in row
    assert "Hidden" not in html and "Pending" not in html and "Gone" not in html
    assert "1 member listed" in html


def test_directory_is_not_found_for_non_members(member_client, user):
    network = NetworkFactory()
    MembershipFactory(user=UserFactory(last_name="Secretname", listed_in_directory=True), network=network)
    response = member_client.get(f"/en/networks/{network.slug}/members/")
    assert response.status_code == 404
    assert "Secretname" not in response.content.decode()


@pytest.mark.parametrize("status", [Membership.Status.PENDING, Membership.Status.LEFT, Membership.Status.REJECTED])
def test_directory_is_not_found_for_those_not_active(member_client, user, status):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network, status=status)
    assert member_client.get(f"/en/networks/{network.slug}/members/").status_code == 404


def test_another_networks_directory_answers_a_member_as_a_missing_one_does(member_client, user):
    MembershipFactory(user=user)
    other = NetworkFactory()
    theirs = member_client.get(f"/en/networks/{other.slug}/members/")
    missing = member_client.get("/en/networks/no-such-network/members/")
    assert theirs.status_code == missing.status_code == 404


def test_directory_asks_a_visitor_to_log_in_and_come_back(client):
    network = NetworkFactory()
    response = client.get(f"/en/networks/{network.slug}/members/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/accounts/login/?next=/en/networks/{network.slug}/members/"


def test_after_a_rejection_the_page_says_so_and_offers_to_ask_again(member_client, user):
    network = NetworkFactory(join_policy=APPROVAL)
    MembershipFactory(user=user, network=network, status=Membership.Status.REJECTED)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "Your earlier request to join was not approved. You may ask again." in html
    assert "Ask to join</button>" in html


def test_a_member_of_an_invitation_network_may_leave_and_is_told_how_to_come_back(member_client, user):
    network = NetworkFactory(join_policy=INVITATION)
    MembershipFactory(user=user, network=network)
    html = page(member_client.get(f"/en/networks/{network.slug}/"))
    assert "Leave the network</a>" in html
    assert "If you leave, you can only come back by invitation." in html
