"""The newsletter's shared reads: a subscriber by the token of a link, what a confirmation link would do, progress."""

import datetime as dt

import pytest
from django.utils import timezone

from newsletter import selectors
from newsletter.models import Delivery, Subscriber
from newsletter.selectors import ConfirmationResult
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_each_token_finds_its_subscriber_only_through_its_own_link():
    subscriber = SubscriberFactory()
    assert subscriber.token != subscriber.unsubscribe_token
    assert selectors.find_by_confirmation_token(subscriber.token) == subscriber
    assert selectors.find_by_unsubscribe_token(subscriber.unsubscribe_token) == subscriber
    assert selectors.find_by_confirmation_token(subscriber.unsubscribe_token) is None
    assert selectors.find_by_unsubscribe_token(subscriber.token) is None


@pytest.mark.parametrize(
    "token",
    [
        "",
        None,
        "a\x00" * 21 + "a",  # a NUL byte, which PostgreSQL would refuse with an error
        "a" * 42,
        "a" * 44,
        "a" * 42 + "!",
        "a" * 42 + "\n",
        "ä" * 43,
    ],
)
def test_a_malformed_token_finds_nothing_without_asking_the_database(django_assert_num_queries, token):
    SubscriberFactory()
    with django_assert_num_queries(0):
        assert selectors.find_by_confirmation_token(token) is None
        assert selectors.find_by_unsubscribe_token(token) is None


def test_a_confirmation_link_is_pending_until_it_expires():
    subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, confirmation_sent_at=timezone.now())
    assert selectors.confirmation_state(subscriber) == ConfirmationResult.PENDING
    later = subscriber.confirmation_sent_at + dt.timedelta(days=7, minutes=1)
    assert selectors.confirmation_state(subscriber, now=later) == ConfirmationResult.EXPIRED


@pytest.mark.parametrize(
    ("status", "state"),
    [
        (Subscriber.Status.ACTIVE, ConfirmationResult.ALREADY_CONFIRMED),
        (Subscriber.Status.UNSUBSCRIBED, ConfirmationResult.UNSUBSCRIBED),
    ],
)
def test_a_confirmation_link_of_an_active_or_unsubscribed_address_confirms_nothing(status, state):
    assert selectors.confirmation_state(SubscriberFactory(status=status)) == state


def test_issue_progress_counts_sent_failed_and_pending_deliveries():
    issue = NewsletterIssueFactory()
    for status in ["sent", "sent", "failed", "pending", "sending"]:
        Delivery.objects.create(issue=issue, subscriber=SubscriberFactory(), status=status)
    progress = selectors.issue_progress(issue_id=issue.pk)
    assert (progress.total, progress.sent, progress.failed, progress.pending, progress.percent) == (5, 2, 1, 2, 60)
