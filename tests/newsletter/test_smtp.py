"""Sending through a real SMTP server on loopback that accepts, refuses, defers or hangs up."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, Subscriber
from tests.helpers import run_concurrently
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def fast_sending(settings):
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_BATCH_SIZE = 50


def test_messages_arrive_with_the_right_language_and_headers(smtp_backend):
    fi, sv = SubscriberFactory(language="fi"), SubscriberFactory(language="sv")
    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    [to_fi] = smtp_backend.messages_to(fi.email)
    [to_sv] = smtp_backend.messages_to(sv.email)
    assert to_sv["Subject"] == "Den goda spiralens nyhetsbrev"
    assert to_sv["Content-Language"] == "sv"
    assert (
        to_fi["List-Unsubscribe"].strip()
        == f"<http://127.0.0.1:8000/fi/newsletter/unsubscribe/{fi.unsubscribe_token}/>"
    )
    assert to_fi["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert to_fi["From"] == "HYTE <hyte@example.org>" and to_fi["Reply-To"] == "hyte@example.org"
    assert to_fi["Date"] and to_fi["Message-ID"]
    html = to_fi.get_body(("html",)).get_content()
    assert "Tässä uutiset" in html and f"/fi/newsletter/unsubscribe/{fi.unsubscribe_token}/" in html


def test_a_permanent_refusal_fails_that_delivery_only_and_is_not_retried(smtp_backend):
    subscribers = SubscriberFactory.create_batch(5)
    refused = subscribers[2]
    smtp_backend.refuse.add(refused.email)
    issue = NewsletterIssueFactory()

    report = services.send_issue(issue_id=issue.pk)

    assert report.finished
    delivery = Delivery.objects.get(subscriber=refused)
    assert delivery.status == "failed" and delivery.attempts == 1
    assert delivery.error.startswith("550 5.1.1 mailbox unavailable")
    assert len(smtp_backend.received) == 4
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count, issue.failed_count) == ("sent", 4, 1)


def test_three_permanent_refusals_in_a_row_unsubscribe_the_address_as_bouncing(smtp_backend):
    bouncing = SubscriberFactory(email="gone@example.org")
    smtp_backend.refuse.add(bouncing.email)
    for expected_failures in (1, 2):
        services.send_issue(issue_id=NewsletterIssueFactory().pk)
        bouncing.refresh_from_db()
        assert (bouncing.status, bouncing.consecutive_failures) == ("active", expected_failures)
    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    bouncing.refresh_from_db()
    assert (bouncing.status, bouncing.unsubscribe_reason) == ("unsubscribed", "bouncing")


def test_a_success_between_refusals_starts_the_count_again(smtp_backend):
    flaky = SubscriberFactory()
    smtp_backend.refuse.add(flaky.email)
    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    smtp_backend.refuse.clear()
    services.send_issue(issue_id=NewsletterIssueFactory().pk)
    flaky.refresh_from_db()
    assert (flaky.status, flaky.consecutive_failures) == ("active", 0)


def test_a_transient_refusal_is_retried_after_a_delay(smtp_backend, settings):
    settings.NEWSLETTER_RETRY_BACKOFF_SECONDS = 60
    deferred = SubscriberFactory()
    SubscriberFactory()
    smtp_backend.defer.add(deferred.email)
    issue = NewsletterIssueFactory()

    report = services.send_issue(issue_id=issue.pk)

    delivery = Delivery.objects.get(subscriber=deferred)
    assert delivery.status == "pending" and delivery.error.startswith("451")
    assert delivery.next_attempt_at >= timezone.now() + dt.timedelta(seconds=55)
    assert not report.finished and report.retry_at == delivery.next_attempt_at
    assert services.send_issue(issue_id=issue.pk).sent == 0  # too early: nothing is tried
    smtp_backend.defer.clear()
    with time_machine.travel(delivery.next_attempt_at + dt.timedelta(seconds=1)):
        assert services.send_issue(issue_id=issue.pk).finished
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.error) == ("sent", 2, "")
    assert len(smtp_backend.messages_to(deferred.email)) == 1


def test_backoff_doubles_and_gives_up_after_the_last_attempt(smtp_backend, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 3
    deferred = SubscriberFactory()
    smtp_backend.defer.add(deferred.email)
    issue = NewsletterIssueFactory()
    delays = []
    now = timezone.now()
    for _ in range(3):
        with time_machine.travel(now, tick=False):
            services.send_issue(issue_id=issue.pk)
        delivery = Delivery.objects.get(subscriber=deferred)
        if delivery.next_attempt_at and delivery.status == "pending":
            delays.append((delivery.next_attempt_at - now).total_seconds())
            now = delivery.next_attempt_at
    assert delays == [60, 120]
    assert delivery.status == "failed" and delivery.attempts == 3
    issue.refresh_from_db()
    assert issue.status == "sent" and issue.failed_count == 1
    deferred.refresh_from_db()
    assert deferred.status == "active"  # transient trouble is not a bounce


def test_a_dropped_connection_fails_one_delivery_and_the_batch_goes_on(smtp_backend):
    subscribers = SubscriberFactory.create_batch(6)
    dropper = subscribers[1]
    smtp_backend.drop.add(dropper.email)
    issue = NewsletterIssueFactory()

    services.send_issue(issue_id=issue.pk)

    delivery = Delivery.objects.get(subscriber=dropper)
    assert delivery.status == "pending" and delivery.error and delivery.next_attempt_at
    received = {r.to for r in smtp_backend.received}
    assert received == {s.email for s in subscribers if s != dropper}


def test_an_unreachable_server_leaves_everything_pending_for_a_retry(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory()
    report = services.send_issue(issue_id=issue.pk)
    assert report.retrying == 2 and not report.finished
    assert set(Delivery.objects.values_list("status", flat=True)) == {"pending"}
    assert "ConnectionRefusedError" in Delivery.objects.first().error
    assert Subscriber.objects.filter(status="active").count() == 2


@pytest.mark.postgres
def test_three_sends_of_one_issue_at_once_still_deliver_each_message_once(smtp_backend, settings):
    """Three workers running the same issue side by side (a redelivered task, a beat resume, a double click)."""
    from collections import Counter

    settings.NEWSLETTER_BATCH_SIZE = 10
    subscribers = SubscriberFactory.create_batch(150)
    issue = NewsletterIssueFactory()
    services.start_sending(issue_id=issue.pk, by=None)  # runs inline here: sends everything once
    Delivery.objects.update(status="pending", sent_at=None, attempts=0)  # and again, now three at a time
    smtp_backend.received.clear()
    issue.status = "sending"
    issue.save()

    _results, errors = run_concurrently([lambda: services.send_issue(issue_id=issue.pk)] * 3)
    if errors:  # a crashed sender would leave its batch to the others and hide what went wrong
        raise ExceptionGroup("a sending thread crashed", errors)

    assert Counter(r.to for r in smtp_backend.received) == Counter({s.email: 1 for s in subscribers})
    issue.refresh_from_db()
    assert (issue.status, issue.sent_count) == ("sent", 150)
