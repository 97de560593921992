"""The whole path for real: PostgreSQL, Redis as the broker, Celery workers, an SMTP server on loopback."""

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from pathlib import Path

import pytest
from celery.contrib.testing.worker import start_worker
from django.conf import settings
from django.db import connection

from hyte_portal.celery import app
from newsletter import selectors, services
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from tests.helpers import wait_until
from tests.newsletter.factories import NewsletterIssueFactory

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
SUBJECTS = {"fi": "Hyvän kierteen uutiskirje", "sv": "Den goda spiralens nyhetsbrev", "en": "Good Spiral newsletter"}


def make_subscribers(count):
    languages = ["fi", "sv", "en"]
    return Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", language=languages[n % 3], status=Subscriber.Status.ACTIVE)
        for n in range(count)
    )


def wait_until_sent(issue, timeout):
    def sent():
        issue.refresh_from_db()
        return issue.status == NewsletterIssue.Status.SENT

    if not wait_until(sent, timeout=timeout, interval=0.2):
        pytest.fail(f"the issue was not sent in {timeout} s: {selectors.issue_progress(issue_id=issue.pk)}")
    return issue


def _forget_queued_tasks():
    app.control.purge()
    # A killed worker's task stays "unacked" in Redis until the visibility timeout; another run's worker must
    # not get it back (kombu's default keys for that).
    with app.connection_for_write() as broker:
        broker.default_channel.client.delete("unacked", "unacked_index")


@pytest.fixture
def empty_queue():
    _forget_queued_tasks()
    yield
    _forget_queued_tasks()


def assert_each_received_once_in_their_language(smtp_server, subscribers):
    counts = Counter(received.to for received in smtp_server.received)
    assert counts == Counter({s.email: 1 for s in subscribers})
    for subscriber in subscribers[:9]:
        [message] = smtp_server.messages_to(subscriber.email)
        assert message["Subject"] == SUBJECTS[subscriber.language]
        assert message["Content-Language"] == subscriber.language
        assert message["List-Unsubscribe"].strip().endswith(f"/newsletter/unsubscribe/{subscriber.unsubscribe_token}/>")
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_newsletter_to_hundreds_of_subscribers_arrives_once_each(smtp_backend, empty_queue, settings):
    settings.NEWSLETTER_SEND_RATE = 0
    settings.NEWSLETTER_BATCH_SIZE = 40
    subscribers = make_subscribers(300)
    issue = NewsletterIssueFactory()

    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        services.start_sending(issue_id=issue.pk, by=None)  # queued to Redis on commit; the worker picks it up
        issue = wait_until_sent(issue, timeout=120)

    assert_each_received_once_in_their_language(smtp_backend, subscribers)
    assert (issue.recipient_count, issue.sent_count, issue.failed_count) == (300, 300, 0)


def wait_until_recorded_as_sent(issue, count, timeout=60):
    def recorded():
        return Delivery.objects.filter(issue=issue, status=Delivery.Status.SENT).count() >= count

    assert wait_until(recorded, timeout=timeout, interval=0.002), (
        f"{count} deliveries were not recorded as sent in {timeout} s"
    )


LEASE_SECONDS = 3  # the claim of a batch; short here so that the test need not wait out the default 40 s


def worker_process(name, smtp_port, *, rate):
    """A real `celery worker` process on this test's database, sending `rate` messages a second (0: no limit)."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REDIS_URL": settings.REDIS_URL,
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "NEWSLETTER_SEND_RATE": str(rate),
        "NEWSLETTER_BATCH_SIZE": "50",
        "NEWSLETTER_CLAIM_SECONDS": str(LEASE_SECONDS),
        # Redis hands a dead worker's task out again only after this: an hour, so that what resumes the send in
        # this test is the check the beat runs (resume_stalled_sends), as in production.
        "CELERY_VISIBILITY_TIMEOUT": "3600",
    }
    command = [
        str(Path(sys.executable).with_name("celery")), "-A", "hyte_portal", "worker", "--pool", "solo",
        "--loglevel", "WARNING", "--without-mingle", "--without-gossip", "--without-heartbeat", "-n", f"{name}@%h",
    ]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_killing_the_worker_halfway_still_delivers_each_message_exactly_once(smtp_server, empty_queue, settings):
    settings.NEWSLETTER_CLAIM_SECONDS = LEASE_SECONDS  # for the checks this test runs in the beat's place
    subscribers = make_subscribers(200)
    issue = NewsletterIssueFactory()
    halfway = threading.Event()
    smtp_server.on_message = lambda count: count == 30 and halfway.set()

    first = worker_process("first", smtp_server.port, rate=5)
    try:
        services.start_sending(issue_id=issue.pk, by=None)
        assert halfway.wait(timeout=120), first.stderr.read1().decode()
        # Kill between two messages (one every 200 ms), as a power cut would: once the 30th is recorded as
        # sent, the worker is waiting out its send rate. (A kill during an SMTP exchange is a different case:
        # that one delivery is given up as interrupted rather than risk sending it twice.)
        wait_until_recorded_as_sent(issue, 30)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        first.kill()
    received_before_restart = len(smtp_server.received)
    issue.refresh_from_db()
    assert issue.status == NewsletterIssue.Status.SENDING
    assert 30 <= received_before_restart < 200
    assert Delivery.objects.filter(issue=issue, claimed_until__isnull=False).exists()  # the dead worker's claim

    second = worker_process("second", smtp_server.port, rate=0)
    try:
        # The beat's check, every half second here: it queues a new run once the dead worker's claim ran out.
        def resumed():
            services.resume_stalled_sends()
            return len(smtp_server.received) > received_before_restart

        assert wait_until(resumed, timeout=120, interval=0.5), second.stderr.read1().decode()
        issue = wait_until_sent(issue, timeout=120)
    finally:
        second.terminate()
        second.wait(timeout=60)

    not_sent = list(Delivery.objects.filter(issue=issue).exclude(status="sent").values("subscriber_id", "error"))
    assert not_sent == []
    assert_each_received_once_in_their_language(smtp_server, subscribers)
