"""Newsletter throughput: 10,000 subscribers through the real sending path onto a local SMTP sink.

Reported as messages per second, and as a ratio against a plain smtplib loop that sends the same
(pre-rendered) messages over one connection to the same sink in the same run. Target: a ratio of at
least 0.7. Run with `make bench` (needs PostgreSQL: DATABASE_URL=postgres://...).
"""

import json
import os
import smtplib
import time

import pytest
from django.db import connection

from newsletter import services
from newsletter.emails import IssueMessages
from newsletter.models import NewsletterIssue, Subscriber
from tests.smtp_sink import serving, use_smtp_server

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "10000"))
LANGUAGES = ["fi", "sv", "en"]


class CountingSink:
    """Accepts every message and only counts it, so that the sink is as cheap as it can be for both runs."""

    def __init__(self):
        self.count = 0

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        return "250 OK"


@pytest.fixture
def sink(settings):
    with serving(CountingSink()) as handler:
        use_smtp_server(settings, handler.port)
        settings.NEWSLETTER_SEND_RATE = 0  # as fast as the sink takes them
        settings.NEWSLETTER_TASK_SECONDS = 3600
        yield handler


@pytest.mark.django_db(transaction=True)
def test_newsletter_to_ten_thousand_subscribers(sink):
    if connection.vendor != "postgresql":
        pytest.skip("the benchmark needs PostgreSQL: set DATABASE_URL=postgres://...")
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n}@example.org", language=LANGUAGES[n % 3], status=Subscriber.Status.ACTIVE)
        for n in range(SUBSCRIBERS)
    )
    issue = NewsletterIssue.objects.create(
        subject_fi="Hyvän kierteen uutiskirje", subject_sv="Den goda spiralens nyhetsbrev",
        subject_en="Good Spiral newsletter", body_fi="Hei **kaikki**!\n\n- aamukahvit\n- verkostot\n" * 5,
        body_sv="Hej **alla**!\n\n- morgonkaffe\n- nätverk\n" * 5, body_en="Hello **all**!\n\n- mornings\n" * 5,
    )  # fmt: skip

    # The baseline: the same messages, rendered beforehand, sent by a bare smtplib loop on one connection.
    messages = IssueMessages(issue)
    prepared = [
        (message.from_email, [subscriber.email], message.message().as_bytes(linesep="\r\n"))
        for subscriber in Subscriber.objects.order_by("pk")
        for message in [messages.for_subscriber(subscriber)]
    ]
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", sink.port) as smtp:
        for from_email, to, data in prepared:
            smtp.sendmail(from_email, to, data)
    loop_seconds = time.perf_counter() - started
    assert sink.count == SUBSCRIBERS

    # The portal: deliveries created, claimed in batches, rendered per subscriber, sent, each result recorded.
    started = time.perf_counter()
    report = services.send_issue(issue_id=issue.pk)
    portal_seconds = time.perf_counter() - started
    assert report.finished and sink.count == 2 * SUBSCRIBERS

    loop_rate, portal_rate = SUBSCRIBERS / loop_seconds, SUBSCRIBERS / portal_seconds
    ratio = portal_rate / loop_rate
    print(
        f"\nnewsletter to {SUBSCRIBERS} subscribers: {portal_rate:.0f} messages/s ({portal_seconds:.1f} s); "
        f"plain smtplib loop: {loop_rate:.0f} messages/s ({loop_seconds:.1f} s); "
        f"ratio {ratio:.2f} (target at least 0.70: {'met' if ratio >= 0.7 else 'NOT met'})"
    )
    if os.environ.get("BENCH_RESULTS_FILE"):  # make bench (benchmarks/run.py) reads the figures back
        figures = {"subscribers": SUBSCRIBERS, "portal_rate": round(portal_rate, 1), "loop_rate": round(loop_rate, 1),
                   "ratio": round(ratio, 3), "portal_seconds": round(portal_seconds, 2)}  # fmt: skip
        with open(os.environ["BENCH_RESULTS_FILE"], "w") as output:
            json.dump(figures, output)
