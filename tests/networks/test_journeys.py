"""The issue's "done when", step by step, as a new user and a coordinator would go: on the demo data."""

import re

import pytest
from django.core import mail

from networks.models import Membership, Network
from tests.helpers import pass_second_factor

pytestmark = pytest.mark.django_db

NEW_PERSON = {
    "email": "new.nurse@example.org",
    "first_name": "Noora",
    "last_name": "Uusi",
    "password1": "kaatumisten-ehkaisy-2026",
    "password2": "kaatumisten-ehkaisy-2026",
}


def link(html, text):
    """The href of the link whose text is `text`, as a person would click it."""
    match = re.search(r'<a href="([^"]+)"[^>]*>\s*' + re.escape(text) + r"\s*</a>", html)
    assert match, f"no link {text!r}"
    return match.group(1).replace("&amp;", "&")


def form_action(html, button):
    """The action of the form that holds the button labelled `button`."""
    for form in re.findall(r"<form[^>]*>.*?</form>", html, re.S):
        if f">{button}</button>" in form:
            return re.search(r'action="([^"]+)"', form).group(1)
    raise AssertionError(f"no button {button!r}")


def sign_up_and_verify(client, signup_url):
    client.post(signup_url, NEW_PERSON)
    confirmation = re.search(r"https?://[^\s]+(/en/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body).group(1)
    client.post(confirmation)
    mail.outbox.clear()


def test_a_new_user_finds_the_fall_prevention_network_joins_it_sees_it_and_leaves(client, demo):
    home = client.get("/en/").content.decode()
    network_url = link(home, "Prevention of falls")
    assert network_url == "/en/networks/fall-prevention/"

    page = client.get(network_url).content.decode()
    assert "Log in to join" in page
    sign_up_and_verify(client, link(page, "Create an account"))

    page = client.get(network_url).content.decode()
    joined = client.post(form_action(page, "Join the network"), follow=True).content.decode()
    assert "Welcome! You are now a member of Prevention of falls." in joined

    my_page = client.get("/en/me/").content.decode()
    assert re.search(r'<a href="/en/networks/fall-prevention/">Prevention of falls</a>:\s*member', my_page)

    confirm_url = re.search(r'<a class="button button-secondary" href="([^"]+)">Leave the network</a>', joined).group(1)
    confirm = client.get(confirm_url).content.decode()
    left = client.post(form_action(confirm, "Yes, leave the network"), follow=True).content.decode()
    assert "You have left Prevention of falls." in left
    assert "Prevention of falls" not in client.get("/en/me/").content.decode().split("my-networks-heading")[1]
    assert Membership.objects.get(user__email=NEW_PERSON["email"]).status == Membership.Status.LEFT


def test_a_new_user_asks_to_join_the_directors_and_a_coordinator_approves_in_the_admin(
    client, demo, tasks_inline, django_capture_on_commit_callbacks
):
    network_list = client.get("/en/networks/").content.decode()
    network_url = link(network_list, "Uusimaa public health directors&#x27; network")
    page = client.get(network_url).content.decode()
    sign_up_and_verify(client, link(page, "Create an account"))

    page = client.get(network_url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(form_action(page, "Ask to join"), follow=True).content.decode()
    assert "has been sent. Its coordinators will decide on it" in asked
    assert sorted(message.to[0] for message in mail.outbox) == [
        "networks.secretary@example.org",
        "public-health.chair@example.org",
    ]
    mail.outbox.clear()
    assert client.get(f"{network_url}members/").status_code == 404

    coordinator = client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    assert coordinator.login(email="public-health.chair@example.org", password="hyte-coordinator-demo")
    pass_second_factor(coordinator)
    changelist = coordinator.get("/admin/networks/membership/", {"status__exact": "pending"}).content.decode()
    assert NEW_PERSON["email"] in changelist
    request = Membership.objects.get(user__email=NEW_PERSON["email"])
    with django_capture_on_commit_callbacks(execute=True):
        decided = coordinator.post(
            "/admin/networks/membership/",
            {"action": "approve_selected", "_selected_action": [request.pk], "index": 0},
            follow=True,
        ).content.decode()
    assert "1 request approved." in decided

    [message] = mail.outbox
    assert message.to == [NEW_PERSON["email"]]
    assert message.subject == "Welcome to Uusimaa public health directors' network"
    assert "/en/networks/public-health-directors/" in message.body

    directory = client.get(f"{network_url}members/")
    assert directory.status_code == 200
    assert "Pekka Puheenjohtaja" in directory.content.decode()  # the chair, who chose to be listed


def test_a_coordinator_invites_someone_without_an_account_who_signs_up_and_accepts(
    client, demo, tasks_inline, django_capture_on_commit_callbacks
):
    coordinator = client.__class__(HTTP_ACCEPT_LANGUAGE="en")
    assert coordinator.login(email="developer-coaching@example.org", password="hyte-coordinator-demo")
    pass_second_factor(coordinator)
    alumni = Network.objects.get(slug="developer-coaching-alumni")
    with django_capture_on_commit_callbacks(execute=True):
        answer = coordinator.post(
            "/admin/networks/invitation/add/",
            {"email": NEW_PERSON["email"], "network": alumni.pk, "language": "en"},
            follow=True,
        ).content.decode()
    assert f"An invitation to join Developer coaching alumni is on its way to {NEW_PERSON['email']}." in answer
    [message] = mail.outbox
    assert message.to == [NEW_PERSON["email"]]
    invitation_url = re.search(r"https?://\S+?(/en/networks/invitations/\S+/)", message.body).group(1)
    mail.outbox.clear()

    page = client.get(invitation_url).content.decode()
    sign_up_and_verify(client, link(page, "Create an account"))
    page = client.get(invitation_url).content.decode()
    accepted = client.post(form_action(page, "Accept the invitation"), follow=True).content.decode()
    assert "Welcome! You are now a member of Developer coaching alumni." in accepted
    membership = Membership.objects.get(user__email=NEW_PERSON["email"], network=alumni)
    assert membership.status == Membership.Status.ACTIVE
