"""Subscribing with double opt-in, confirming, unsubscribing by link and by one-click POST."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from newsletter import services
from newsletter.models import Subscriber
from tests.factories import UserFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)  # the confirmation e-mail is queued on commit

NEUTRAL = "Unless the address is already on the list, a confirmation link is on its way to it."


def subscribe(client, email, language="en"):
    return client.post(f"/{language}/newsletter/", {"email": email}, follow=True)


def confirmation_link(message) -> str:
    return re.search(r"http://127\.0\.0\.1:8000(/\w\w/newsletter/confirm/[\w-]+/)", message.body).group(1)


def test_subscribing_sends_a_confirmation_link_in_the_pages_language(client):
    response = subscribe(client, "Reader@Example.org", language="sv")
    assert response.redirect_chain[-1][0] == "/sv/newsletter/thanks/"
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.status, subscriber.language) == ("reader@example.org", "pending", "sv")
    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert message.subject == "Bekräfta din prenumeration på HYTE-nyhetsbrevet"
    assert f"/sv/newsletter/confirm/{subscriber.token}/" in message.body


def test_a_subscribed_address_gets_the_same_answer_and_no_new_mail(client):
    SubscriberFactory(email="known@example.org")
    known = subscribe(client, "KNOWN@example.org")
    new = subscribe(client, "new@example.org")
    assert NEUTRAL in known.content.decode() and NEUTRAL in new.content.decode()
    assert known.redirect_chain == new.redirect_chain
    assert [m.to for m in mail.outbox] == [["new@example.org"]]
    assert Subscriber.objects.filter(email__iexact="known@example.org").count() == 1


def test_subscribing_twice_sends_one_link_and_keeps_one_row(client):
    subscribe(client, "twice@example.org")
    subscribe(client, "twice@example.org")
    assert Subscriber.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("email", ["", "not-an-address", "a@b", "x" * 250 + "@example.org"])
def test_a_malformed_address_is_refused_with_a_message_and_nothing_saved(client, email):
    response = client.post("/en/newsletter/", {"email": email})
    assert response.status_code == 400
    assert "field-invalid" in response.content.decode()
    assert not Subscriber.objects.exists() and not mail.outbox


def test_confirming_from_the_email_activates_the_subscription(client):
    subscribe(client, "reader@example.org")
    link = confirmation_link(mail.outbox[0])
    page = client.get(link)
    assert page.status_code == 200 and "Confirm the subscription" in page.content.decode()
    assert Subscriber.objects.get().status == "pending"  # a link scanner's GET confirms nothing
    response = client.post(link, follow=True)
    assert "your subscription is confirmed" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "active" and subscriber.consented_at is not None


def test_a_confirmation_link_used_again_says_it_is_already_confirmed(client):
    subscribe(client, "reader@example.org")
    link = confirmation_link(mail.outbox[0])
    client.post(link)
    again = client.post(link)
    assert again.status_code == 200
    assert "Your subscription is already confirmed" in again.content.decode()


def test_a_confirmation_link_expires_after_seven_days(client):
    subscribe(client, "late@example.org")
    link = confirmation_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + dt.timedelta(days=7, minutes=1)):
        response = client.post(link)
    assert response.status_code == 410
    assert "This confirmation link has expired" in response.content.decode()
    assert Subscriber.objects.get().status == "pending"


def test_subscribing_again_after_expiry_sends_a_new_working_link(client):
    subscribe(client, "late@example.org")
    old_link = confirmation_link(mail.outbox[0])
    with time_machine.travel(timezone.now() + dt.timedelta(days=8)):
        subscribe(client, "late@example.org")
        new_link = confirmation_link(mail.outbox[1])
        assert client.post(old_link).status_code == 404
        client.post(new_link)
    assert Subscriber.objects.get().status == "active"


@pytest.mark.parametrize(
    "token", ["nonsense", "x" * 300, "a" * 43, "%00" + "a" * 42, "%00", "a%00b", "%C3%A4" * 43, "a" * 42 + "%0A"]
)  # %00: a NUL byte
def test_a_wrong_token_gets_a_clear_page_not_an_error_and_changes_nothing(client, token):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, consented_at=None)
    before = row_of(subscriber)
    for path in (f"/fi/newsletter/confirm/{token}/", f"/fi/newsletter/unsubscribe/{token}/"):
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 404
            assert "Linkki ei kelpaa" in response.content.decode()
        one_click = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
        assert one_click.status_code == 404
    assert row_of(subscriber) == before


def test_unsubscribing_by_the_personal_link_asks_then_unsubscribes(client):
    subscriber = SubscriberFactory(email="leaving@example.org")
    path = f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    assert "Unsubscribe from the newsletter" in client.get(path).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "active"
    response = client.post(path)
    assert response.status_code == 200 and "You have unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed" and subscriber.unsubscribe_reason == "requested"
    assert "You have already unsubscribed" in client.get(path).content.decode()


def test_one_click_unsubscribe_works_without_login_or_csrf_token_and_is_idempotent():
    subscriber = SubscriberFactory(email="oneclick@example.org")
    mail_client = Client(enforce_csrf_checks=True)
    path = f"/fi/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    for _ in range(2):
        response = mail_client.post(
            path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def row_of(subscriber) -> dict:
    return Subscriber.objects.filter(pk=subscriber.pk).values().get()


def test_opening_either_link_by_get_or_head_changes_nothing(client):
    """What a mail security scanner does within seconds of delivery: follow every link."""
    pending = SubscriberFactory(status=Subscriber.Status.PENDING, consented_at=None)
    active = SubscriberFactory()
    before = [row_of(pending), row_of(active)]
    for path in (
        f"/en/newsletter/confirm/{pending.token}/",
        f"/en/newsletter/unsubscribe/{pending.unsubscribe_token}/",
        f"/en/newsletter/unsubscribe/{active.unsubscribe_token}/",
    ):
        for method in (client.get, client.head):
            assert method(path).status_code == 200
    assert [row_of(pending), row_of(active)] == before
    page = client.get(f"/en/newsletter/unsubscribe/{active.unsubscribe_token}/").content.decode()
    assert f'<form method="post" action="/en/newsletter/unsubscribe/{active.unsubscribe_token}/">' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_confirmation_token_does_not_unsubscribe():
    subscriber = SubscriberFactory()
    before = row_of(subscriber)
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        f"/en/newsletter/unsubscribe/{subscriber.token}/",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 404 and "This link is not valid" in response.content.decode()
    assert row_of(subscriber) == before


def test_the_unsubscribe_token_does_not_confirm(client):
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, consented_at=None)
    before = row_of(subscriber)
    response = client.post(f"/en/newsletter/confirm/{subscriber.unsubscribe_token}/")
    assert response.status_code == 404 and "This link is not valid" in response.content.decode()
    assert row_of(subscriber) == before


def test_the_confirmation_mail_carries_only_the_confirmation_token(client):
    subscribe(client, "reader@example.org")
    subscriber = Subscriber.objects.get()
    [message] = mail.outbox
    body = message.body + message.alternatives[0][0]
    assert subscriber.token in body and subscriber.unsubscribe_token not in body


def test_a_post_without_the_pages_csrf_token_or_the_one_click_field_unsubscribes_nobody():
    """A scanner that submits forms, or another site's form: the question again, nothing changed."""
    subscriber = SubscriberFactory()
    before = row_of(subscriber)
    browser = Client(enforce_csrf_checks=True)
    path = f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    for data in ({}, {"List-Unsubscribe": "something else"}):
        response = browser.post(path, data)
        assert response.status_code == 403
        assert "Press the button again" in response.content.decode()
    assert row_of(subscriber) == before


def test_a_confirmation_post_without_the_pages_csrf_token_asks_again_and_confirms_nothing():
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, consented_at=None)
    before = row_of(subscriber)
    browser = Client(enforce_csrf_checks=True)
    path = f"/en/newsletter/confirm/{subscriber.token}/"
    response = browser.post(path)
    assert response.status_code == 403 and "Press the button again" in response.content.decode()
    assert row_of(subscriber) == before
    csrf_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode()).group(1)
    assert browser.post(path, {"csrfmiddlewaretoken": csrf_token}).status_code == 302
    assert Subscriber.objects.get().status == "active"


def test_the_pages_button_unsubscribes_with_its_csrf_token():
    subscriber = SubscriberFactory()
    browser = Client(enforce_csrf_checks=True)
    path = f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    page = browser.get(path).content.decode()
    csrf_token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(path, {"csrfmiddlewaretoken": csrf_token})
    assert response.status_code == 200 and "You have unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"


def test_an_old_issues_unsubscribe_link_still_works_after_subscribing_again(client):
    subscriber = SubscriberFactory(email="back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    old_link = f"/en/newsletter/unsubscribe/{subscriber.unsubscribe_token}/"
    subscribe(client, "back@example.org")
    client.post(confirmation_link(mail.outbox[0]))
    assert Subscriber.objects.get().status == "active"
    client.post(old_link)
    assert Subscriber.objects.get().status == "unsubscribed"


def test_unsubscribed_address_can_subscribe_again_with_a_new_link(client):
    subscriber = SubscriberFactory(email="back@example.org", status=Subscriber.Status.UNSUBSCRIBED)
    old_token = subscriber.token
    subscribe(client, "back@example.org")
    subscriber.refresh_from_db()
    assert subscriber.status == "pending" and subscriber.token != old_token
    assert len(mail.outbox) == 1


def test_home_page_has_a_labelled_sign_up_form(client):
    html = client.get("/en/").content.decode()
    assert '<form method="post" action="/en/newsletter/"' in html
    assert '<label for="home-newsletter-email">E-mail address</label>' in html
    assert 'name="email"' in html


def test_my_page_shows_the_subscription_and_lets_the_member_leave_and_return(member_client, user):
    assert "You do not receive the newsletter" in member_client.get("/en/me/").content.decode()
    member_client.post("/en/newsletter/my-subscription/", {"action": "subscribe"})
    page = member_client.get("/en/me/").content.decode()
    assert f"You receive the newsletter at {user.email}" in page
    assert Subscriber.objects.get(email=user.email).status == "active"
    member_client.post("/en/newsletter/my-subscription/", {"action": "unsubscribe"})
    assert Subscriber.objects.get(email=user.email).status == "unsubscribed"
    assert "You do not receive the newsletter" in member_client.get("/en/me/").content.decode()


def test_member_subscription_needs_a_login(client):
    response = client.post("/en/newsletter/my-subscription/", {"action": "subscribe"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Subscriber.objects.exists()


def test_expired_sign_ups_are_deleted_and_confirmed_ones_kept():
    with time_machine.travel(timezone.now() - dt.timedelta(days=8)):
        services.subscribe(email="never@example.org", language="fi")
        SubscriberFactory(email="kept@example.org")
    services.subscribe(email="fresh@example.org", language="fi")
    assert services.delete_expired_subscribers() == 1
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"kept@example.org", "fresh@example.org"}


@pytest.mark.parametrize("count", [1, 30])
def test_my_page_section_runs_a_fixed_number_of_queries(member_client, django_assert_max_num_queries, count):
    SubscriberFactory.create_batch(count)
    user = UserFactory()
    member_client.force_login(user)
    with django_assert_max_num_queries(12):
        assert member_client.get("/fi/newsletter/").status_code == 200
        assert member_client.get("/fi/me/").status_code == 200


def test_a_flood_of_sign_ups_from_one_address_is_slowed_down(client):
    for n in range(20):
        client.post("/en/newsletter/", {"email": f"flood{n}@example.org"})
    response = client.post("/en/newsletter/", {"email": "one-more@example.org"})
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert not Subscriber.objects.filter(email="one-more@example.org").exists()
