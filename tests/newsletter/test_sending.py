"""Sending an issue: one delivery per active subscriber, each in their language, once, with list headers."""

import datetime as dt
import io
import time

import pytest
import time_machine
from django.core import mail
from django.db import transaction
from django.utils import timezone

from newsletter import services
from newsletter.emails import body_to_html
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)  # sending is queued on commit


@pytest.fixture(autouse=True)
def fast_sending(settings):
    settings.NEWSLETTER_SEND_RATE = 0


def test_each_active_subscriber_gets_the_issue_once_in_their_language_with_list_headers():
    fi, sv, en = (SubscriberFactory(language=code) for code in ("fi", "sv", "en"))
    SubscriberFactory(status=Subscriber.Status.PENDING)
    SubscriberFactory(status=Subscriber.Status.UNSUBSCRIBED)
    issue = NewsletterIssueFactory()

    services.send_issue(issue_id=issue.pk)

    by_address = {m.to[0]: m for m in mail.outbox}
    assert set(by_address) == {fi.email, sv.email, en.email}
    assert by_address[sv.email].subject == "Den goda spiralens nyhetsbrev"
    assert "Här är nyheterna" in by_address[sv.email].body
    assert by_address[en.email].extra_headers["Content-Language"] == "en"
    headers = by_address[fi.email].extra_headers
    assert headers["List-Unsubscribe"] == f"<http://127.0.0.1:8000/fi/newsletter/unsubscribe/{fi.unsubscribe_token}/>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    issue.refresh_from_db()
    assert (issue.status, issue.recipient_count, issue.sent_count, issue.failed_count) == ("sent", 3, 3, 0)


def test_a_missing_translation_falls_back_to_finnish():
    subscriber = SubscriberFactory(language="en")
    issue = NewsletterIssueFactory(subject_en="", body_en="")
    services.send_issue(issue_id=issue.pk)
    [message] = mail.outbox
    assert message.to == [subscriber.email]
    assert message.subject == "Hyvän kierteen uutiskirje"


def test_sending_an_issue_again_sends_nothing_more():
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    services.send_issue(issue_id=issue.pk)
    services.send_issue(issue_id=issue.pk)
    assert len(mail.outbox) == 3
    assert Delivery.objects.count() == 3


def test_starting_a_send_twice_is_refused_the_second_time():
    SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory()
    services.start_sending(issue_id=issue.pk, by=None)
    with pytest.raises(services.NewsletterError, match="lähetetään jo"):
        services.start_sending(issue_id=issue.pk, by=None)
    assert len(mail.outbox) == 2


def test_a_send_resumes_where_it_stopped_and_nobody_gets_it_twice(settings):
    SubscriberFactory.create_batch(7)
    settings.NEWSLETTER_BATCH_SIZE = 2
    issue = NewsletterIssueFactory()
    first = services.send_issue(issue_id=issue.pk, time_budget=0.0001)
    assert first.retry_at is not None and not first.finished
    assert len(mail.outbox) < 7
    report = services.send_issue(issue_id=issue.pk)
    assert report.finished
    assert sorted(m.to[0] for m in mail.outbox) == sorted(Subscriber.objects.values_list("email", flat=True))


def test_a_delivery_interrupted_in_flight_is_not_sent_again(settings):
    """A sender that died between handing a message over and recording it: we cannot know, so no resend."""
    subscribers = SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    for subscriber in subscribers:
        Delivery.objects.create(issue=issue, subscriber=subscriber)
    crashed = Delivery.objects.get(subscriber=subscribers[0])
    crashed.status = Delivery.Status.SENDING
    crashed.claimed_until = timezone.now() - dt.timedelta(seconds=1)
    crashed.save()

    services.send_issue(issue_id=issue.pk)

    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in subscribers[1:])
    crashed.refresh_from_db()
    assert crashed.status == "failed" and "interrupted" in crashed.error


def test_rows_claimed_by_a_live_sender_are_left_to_it():
    subscribers = SubscriberFactory.create_batch(2)
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    taken = Delivery.objects.create(
        issue=issue, subscriber=subscribers[0], claimed_until=timezone.now() + dt.timedelta(minutes=5)
    )
    Delivery.objects.create(issue=issue, subscriber=subscribers[1])
    report = services.send_issue(issue_id=issue.pk)
    assert [m.to[0] for m in mail.outbox] == [subscribers[1].email]
    assert not report.finished and report.retry_at >= taken.claimed_until - dt.timedelta(seconds=1)


def test_the_send_rate_is_kept(settings):
    SubscriberFactory.create_batch(6)
    settings.NEWSLETTER_SEND_RATE = 20  # 6 messages: at least 5 intervals of 50 ms
    issue = NewsletterIssueFactory()
    started = time.monotonic()
    services.send_issue(issue_id=issue.pk)
    assert time.monotonic() - started >= 0.25
    assert len(mail.outbox) == 6


def test_a_scheduled_issue_starts_when_its_time_comes():
    SubscriberFactory()
    issue = NewsletterIssueFactory()
    when = timezone.now() + dt.timedelta(hours=2)
    services.schedule_issue(issue_id=issue.pk, when=when, by=None)
    assert services.start_due_issues() == [] and not mail.outbox
    with time_machine.travel(when + dt.timedelta(minutes=1)):
        assert services.start_due_issues() == [issue.pk]
        assert services.start_due_issues() == []
    issue.refresh_from_db()
    assert issue.status == "sent" and len(mail.outbox) == 1


def test_scheduling_in_the_past_is_refused():
    issue = NewsletterIssueFactory()
    with pytest.raises(services.NewsletterError, match="tulevaisuudesta"):
        services.schedule_issue(issue_id=issue.pk, when=timezone.now() - dt.timedelta(minutes=1), by=None)
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_an_issue_being_sent_cannot_be_edited():
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    with pytest.raises(services.NewsletterError, match="ei voi enää muokata"), transaction.atomic():
        services.ensure_editable(issue_id=issue.pk)


def test_markdown_body_is_rendered_and_sanitised():
    html = body_to_html(
        "**Tervetuloa** [aamukahville](https://example.org/a)\n\n<script>alert(1)</script>"
        '<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>'
    )
    assert "<strong>Tervetuloa</strong>" in html
    assert '<a href="https://example.org/a" rel="noopener noreferrer">aamukahville</a>' in html
    assert "<script" not in html and "javascript:" not in html and "onerror" not in html


def test_a_sender_whose_claim_ran_out_skips_rows_another_sender_took_over(settings):
    from newsletter.services import sending

    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    services.send_issue(issue_id=issue.pk, time_budget=0)  # deliveries created, nothing sent yet
    settings.NEWSLETTER_CLAIM_SECONDS = 60
    slow_token, slow_batch = sending._claim_batch(issue.pk)
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=61)):
        quick_token, quick_batch = sending._claim_batch(issue.pk)
        assert [d.pk for d in quick_batch] == [d.pk for d in slow_batch]
        report = sending.Report()
        kwargs = {"messages": sending.IssueMessages(issue), "pacer": sending.Pacer(0), "report": report}
        sending._send_batch(quick_batch, token=quick_token, deadline=time.monotonic() + 60, **kwargs)
        sending._send_batch(slow_batch, token=slow_token, deadline=time.monotonic() + 60, **kwargs)
    assert len(mail.outbox) == 3 and report.sent == 3


def test_an_edit_writes_only_the_text_and_never_puts_back_a_status_changed_meanwhile():
    issue = NewsletterIssueFactory()
    services.schedule_issue(issue_id=issue.pk, when=timezone.now() + dt.timedelta(days=1), by=None)
    opened = NewsletterIssue.objects.get(pk=issue.pk)  # the form was opened while the issue was scheduled
    services.unschedule_issue(issue_id=issue.pk, by=None)
    opened.subject_fi = "Muutettu otsikko"
    services.save_issue(issue=opened)
    issue.refresh_from_db()
    assert (issue.subject_fi, issue.status, issue.scheduled_at) == ("Muutettu otsikko", "draft", None)


def test_an_edit_of_an_issue_being_sent_is_refused_and_nothing_is_written():
    issue = NewsletterIssueFactory()
    opened = NewsletterIssue.objects.get(pk=issue.pk)
    NewsletterIssue.objects.filter(pk=issue.pk).update(status=NewsletterIssue.Status.SENDING)
    opened.subject_fi = "Muutettu otsikko"
    with pytest.raises(services.NewsletterError, match="ei voi enää muokata"):
        services.save_issue(issue=opened)
    issue.refresh_from_db()
    assert issue.subject_fi == "Hyvän kierteen uutiskirje"


def issue_with_deliveries(count: int) -> NewsletterIssue:
    SubscriberFactory.create_batch(count)
    issue = NewsletterIssueFactory()
    services.send_issue(issue_id=issue.pk, time_budget=0)  # deliveries created, nothing sent yet
    return issue


def test_a_dead_senders_claim_is_taken_over_by_the_next_check_once_its_short_lease_runs_out(settings):
    from newsletter.services import sending

    settings.NEWSLETTER_CLAIM_SECONDS = 40
    issue = issue_with_deliveries(3)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        _token, dead_batch = sending._claim_batch(issue.pk)  # a worker claims all three, then is killed
        assert len(dead_batch) == 3
        clock.shift(39)
        assert services.resume_stalled_sends() == [] and not mail.outbox  # the claim still holds
        clock.shift(2)
        assert services.resume_stalled_sends() == [issue.pk]  # the run is queued (here: runs inline)
    issue.refresh_from_db()
    assert issue.status == "sent" and len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(d.subscriber.email for d in dead_batch)


def test_a_send_that_is_progressing_or_waiting_for_a_retry_is_not_resumed(settings):
    settings.NEWSLETTER_CLAIM_SECONDS = 40
    issue = issue_with_deliveries(2)
    assert services.resume_stalled_sends() == []  # progress was recorded a moment ago
    Delivery.objects.filter(issue=issue).update(next_attempt_at=timezone.now() + dt.timedelta(minutes=5))
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        assert services.resume_stalled_sends() == []  # its continuation is queued for the retry time
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=6)):
        assert services.resume_stalled_sends() == [issue.pk]  # that continuation was lost: the check resumes
        assert services.resume_stalled_sends() == []  # once: it waits for the resumed run to show progress
    assert len(mail.outbox) == 2


class ClockPacer:
    """Instead of waiting between messages, moves the clock on, as a slow send would; at each message a second
    sender tries to claim the batch, as another worker would."""

    def __init__(self, clock, issue_id, seconds):
        self.clock, self.issue_id, self.seconds = clock, issue_id, seconds
        self.taken_over = []

    def must_wait(self):
        return False

    def wait(self):
        from newsletter.services import sending

        self.clock.shift(self.seconds)
        self.taken_over += sending._claim_batch(self.issue_id)[1]


def send_one_slow_batch(issue, *, seconds_per_message) -> ClockPacer:
    from newsletter.services import sending

    token, batch = sending._claim_batch(issue.pk)
    with time_machine.travel(timezone.now(), tick=False) as clock:
        pacer = ClockPacer(clock, issue.pk, seconds_per_message)
        report = sending.Report()
        messages = sending.IssueMessages(issue)
        sending._send_batch(batch, token=token, messages=messages, pacer=pacer, report=report,
                            deadline=time.monotonic() + 600)  # fmt: skip
    return pacer


def test_a_live_sender_renews_its_lease_and_is_not_taken_over_however_long_its_batch_takes(settings):
    settings.NEWSLETTER_CLAIM_SECONDS = 40
    issue = issue_with_deliveries(6)
    pacer = send_one_slow_batch(issue, seconds_per_message=15)  # 90 s for the batch: over twice the lease
    assert pacer.taken_over == []
    assert len(mail.outbox) == 6
    assert set(Delivery.objects.filter(issue=issue).values_list("status", "claimed_until")) == {("sent", None)}


def test_without_renewing_a_slow_sender_would_be_taken_over(settings, monkeypatch):
    """The negative control of the test above: it catches a sender that does not renew its lease."""
    from newsletter.services import sending

    monkeypatch.setattr(sending.Lease, "keep", lambda lease: None)
    settings.NEWSLETTER_CLAIM_SECONDS = 40
    issue = issue_with_deliveries(6)
    pacer = send_one_slow_batch(issue, seconds_per_message=15)
    assert len({d.pk for d in pacer.taken_over}) == 4  # after 45 s, the last four rows went to the second sender
    assert len(mail.outbox) == 2  # which the slow one then skipped: nothing is sent twice


def test_the_embedded_defaults_command_starts_due_issues_and_resumes_a_dead_senders_send(settings):
    from django.core.management import call_command

    from newsletter.services import sending

    settings.NEWSLETTER_CLAIM_SECONDS = 40
    stalled = issue_with_deliveries(2)
    sending._claim_batch(stalled.pk)  # its worker dies holding the claim
    scheduled = NewsletterIssueFactory()
    services.schedule_issue(issue_id=scheduled.pk, when=timezone.now() + dt.timedelta(seconds=30), by=None)
    output = io.StringIO()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=41)):
        call_command("send_due_newsletters", stdout=output)
    assert output.getvalue().strip() == "1 issue(s) started, 1 stalled send(s) resumed."
    assert set(NewsletterIssue.objects.values_list("status", flat=True)) == {"sent"}
    assert len(mail.outbox) == 4  # two subscribers, two issues, once each
