"""Joining and leaving a network in a real Chromium, from the home page, with the keyboard where it counts."""

import pytest

from networks.models import Membership, Network
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_finds_joins_and_leaves_the_fall_prevention_network(page, live_server, log_in):
    NetworkFactory(slug="fall-prevention", name_en="Prevention of falls", summary_en="Peer support.")
    user = UserFactory(email="browser.member@example.org")
    log_in(user.email, "/en/")

    page.get_by_role("link", name="Prevention of falls").click()
    assert page.locator("h1").inner_text() == "Prevention of falls"

    join = page.get_by_role("button", name="Join the network")
    join.focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "Welcome! You are now a member of Prevention of falls." in page.locator(".messages").inner_text()
    assert Membership.objects.get(user=user).status == Membership.Status.ACTIVE

    page.get_by_role("link", name="My page").click()
    assert page.get_by_role("link", name="Prevention of falls").is_visible()
    page.get_by_role("link", name="Prevention of falls").click()

    page.get_by_role("link", name="Leave the network").click()
    page.get_by_role("button", name="Yes, leave the network").click()
    page.wait_for_load_state()
    assert "You have left Prevention of falls." in page.locator(".messages").inner_text()
    assert page.get_by_role("button", name="Join the network").is_visible()
    assert Membership.objects.get(user=user).status == Membership.Status.LEFT


def test_network_pages_fit_a_320_px_screen(browser, live_server):
    network = NetworkFactory(
        join_policy=Network.JoinPolicy.APPROVAL,
        name_en="Uusimaa public health directors' network",
        description_en="A long description. " * 40,
        focus_areas_en="Peer support for primary health care directors\nStatements",
    )
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    for path in ("/en/networks/", f"/en/networks/{network.slug}/"):
        small.goto(f"{live_server.url}{path}")
        assert small.evaluate("document.documentElement.scrollWidth") <= 320, path
    context.close()
