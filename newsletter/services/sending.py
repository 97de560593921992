"""Delivering an issue: claim pending deliveries in batches, send each batch over one SMTP connection.

Exactly once, as far as SMTP allows:
- A batch is claimed under `SELECT ... FOR UPDATE SKIP LOCKED` by setting `claimed_until` (a lease of
  NEWSLETTER_CLAIM_SECONDS) and a claim token, so two senders never hold the same rows. The lease is short
  and the sender renews it while it works (Lease), so a dead sender's rows come free within that time and
  the beat's resume_stalled_sends hands them to a new run. A slow sender whose lease ran out anyway skips
  any row another sender has taken since: each message starts with an update conditional on the row
  still being pending under its token.
- Just before a message goes out, its delivery is marked `sending`; when the server has taken it, `sent`.
  A delivery found still `sending` after its lease belonged to a sender that died in between: the
  server may or may not have it, so it is marked failed ("interrupted") and never sent again.
- A 5xx refusal fails the delivery at once and counts towards the address' bounces; a 4xx answer or a
  dropped connection puts it back to pending with a growing delay, until NEWSLETTER_MAX_ATTEMPTS.
"""

import logging
import smtplib
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.conf import settings
from django.db import connection, transaction
from django.db.models import DateTimeField, Exists, F, Min, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from hyte_portal.emails import open_connection

from ..bulk_email import send_over
from ..emails import IssueMessages
from ..models import Delivery, NewsletterIssue, Subscriber
from ..selectors import issue_progress
from .subscriptions import unsubscribe

logger = logging.getLogger(__name__)

INTERRUPTED = "Sending was interrupted while this message was handed to the mail server; it was not sent again."
LEFT_THE_LIST = "The subscriber left the list before the message was sent."


@dataclass
class Report:
    sent: int = 0
    failed: int = 0
    retrying: int = 0
    finished: bool = False
    retry_at: datetime | None = None
    errors: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def count(self, outcome: str, error: str = "") -> None:
        with self.lock:
            setattr(self, outcome, getattr(self, outcome) + 1)
            if error:
                self.errors.append(error)


@dataclass(frozen=True)
class SendFailure:
    error: str
    permanent: bool  # a 5xx answer about this recipient or message: never retried
    connection_lost: bool  # the SMTP session is unusable: open a new one for the rest of the batch


def classify(error: Exception) -> SendFailure:
    """Tell a permanent refusal (5xx) from a transient one (4xx, timeouts, dropped connections)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(error.recipients.values()), (None, b""))
        return SendFailure(_describe(code, text), permanent=code is not None and code >= 500, connection_lost=False)
    if isinstance(error, smtplib.SMTPSenderRefused):
        # Our own From refused: not the subscriber's fault, so never counted as their bounce.
        return SendFailure(_describe(error.smtp_code, error.smtp_error), permanent=False, connection_lost=False)
    if isinstance(error, smtplib.SMTPResponseException) and not isinstance(error, smtplib.SMTPHeloError):
        code = error.smtp_code
        return SendFailure(_describe(code, error.smtp_error), permanent=500 <= code < 600, connection_lost=code == 421)
    return SendFailure(f"{type(error).__name__}: {error}"[:1000], permanent=False, connection_lost=True)


def _describe(code, text) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()[:1000]


class Pacer:
    """Keeps to NEWSLETTER_SEND_RATE messages per second (0 = as fast as the server takes them)."""

    def __init__(self, rate: float):
        self.interval = 1.0 / rate if rate and rate > 0 else 0.0
        self.next_at = time.monotonic()
        self.lock = threading.Lock()  # shared by the parallel connections: the rate is for the whole send

    def must_wait(self) -> bool:
        return bool(self.interval) and self.next_at > time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        with self.lock:
            now = time.monotonic()
            slot = max(self.next_at, now)
            self.next_at = slot + self.interval
        if slot > now:
            time.sleep(slot - now)


def deliver_pending(*, issue_id: int, time_budget: float | None = None) -> Report:
    """Send the pending deliveries of an issue that is being sent, for at most `time_budget` seconds."""
    report = Report()
    issue = NewsletterIssue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status != NewsletterIssue.Status.SENDING:
        report.finished = issue is not None and issue.status == NewsletterIssue.Status.SENT
        return report
    budget = settings.NEWSLETTER_TASK_SECONDS if time_budget is None else time_budget
    deadline = time.monotonic() + budget
    messages = IssueMessages(issue)
    pacer = Pacer(settings.NEWSLETTER_SEND_RATE)
    _give_up_interrupted(issue_id)
    sender = partial(_send_batches, issue_id, messages=messages, pacer=pacer, report=report, deadline=deadline)
    parallel = settings.NEWSLETTER_CONNECTIONS if connection.vendor == "postgresql" else 1
    if parallel <= 1 or connection.in_atomic_block:
        sender()
    else:
        _run_in_threads(sender, parallel)
    return _finish_or_plan_next(issue_id, report)


def _send_batches(issue_id: int, **kwargs) -> None:
    """One sender: claim a batch, send it over one connection, repeat until none is left or time is up."""
    with _asynchronous_commit():
        while time.monotonic() < kwargs["deadline"]:
            token, batch = _claim_batch(issue_id)
            if not batch:
                break
            _send_batch(batch, token=token, **kwargs)
            _record_progress(issue_id)


def _run_in_threads(sender, count: int) -> None:
    """Run `count` senders side by side, each with its own database and SMTP connection.

    Their batches never overlap (SKIP LOCKED claims), so parallel connections only hide the
    latency of each round trip; the send rate is shared. The first error is raised after all stop.
    """
    errors = []

    def run():
        try:
            sender()
        except Exception as error:  # re-raised below, in the calling thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, name=f"newsletter-sender-{n}") for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


@contextmanager
def _asynchronous_commit():
    """On PostgreSQL, do not wait for the disk on each per-message commit (synchronous_commit = off).

    Each message's state is still committed before the next step, so a worker that dies loses
    nothing; only a crash of PostgreSQL itself could lose the last fraction of a second of marks,
    and those messages would then be sent again. It makes recording a result ~10 times cheaper.
    """
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")


def _give_up_interrupted(issue_id: int) -> None:
    now = timezone.now()
    Delivery.objects.filter(issue_id=issue_id, status=Delivery.Status.SENDING, claimed_until__lt=now).update(
        status=Delivery.Status.FAILED, error=INTERRUPTED, claimed_until=None
    )


def _claim_batch(issue_id: int) -> tuple[str, list[Delivery]]:
    """Claim up to a batch of sendable deliveries for this sender; returns its claim token and the rows."""
    now = timezone.now()
    token = uuid.uuid4().hex
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(issue_id=issue_id, status=Delivery.Status.PENDING)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .order_by("pk")
            .values_list("pk", flat=True)[: settings.NEWSLETTER_BATCH_SIZE]
        )
        if not ids:
            return token, []
        lease = timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
        Delivery.objects.filter(pk__in=ids).update(claimed_until=now + lease, claim_token=token)
    return token, list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


class Lease:
    """A sender's claim on its batch, renewed while it sends: each time a quarter of the lease has passed, the
    rows it still holds (pending or being sent, under its token) get a full lease again, in one statement.

    Renewing keeps the lease short, so that the rows of a sender that died come free soon, while a live sender
    that takes longer than one lease over its batch (a slow server, a low send rate) keeps them. Rows another
    sender took over meanwhile carry another token and are left alone.
    """

    def __init__(self, *, token: str, ids: list[int]):
        self.token = token
        self.ids = ids
        self.length = timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
        self.renew_at = timezone.now() + self.length / 4

    def keep(self) -> None:
        now = timezone.now()
        if now < self.renew_at:
            return
        Delivery.objects.filter(
            pk__in=self.ids,
            claim_token=self.token,
            status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING],
            claimed_until__isnull=False,  # released rows (a retry later, the deadline) stay released
        ).update(claimed_until=now + self.length)
        self.renew_at = now + self.length / 4


def _send_batch(
    batch: list[Delivery], *, token: str, messages: IssueMessages, pacer: Pacer, report: Report, deadline: float
):
    """Send a claimed batch over one connection, committing each delivery's state as it goes.

    A success is written together with the next delivery's "sending" mark (one statement instead
    of two), unless the pacer is about to sleep or the batch ends, when it is written at once.
    The claim is renewed before each message once a quarter of its lease has passed (Lease).
    """
    lease = Lease(token=token, ids=[delivery.pk for delivery in batch])
    connection = open_connection()
    unrecorded_success = None
    try:
        for index, delivery in enumerate(batch):
            if time.monotonic() >= deadline:
                _release([d.pk for d in batch[index:]], token=token)
                break
            subscriber = delivery.subscriber
            if subscriber.status != Subscriber.Status.ACTIVE:
                _mark(delivery, status=Delivery.Status.FAILED, error=LEFT_THE_LIST)
                continue
            message = messages.for_subscriber(subscriber)
            if unrecorded_success is not None and pacer.must_wait():
                _record_success(unrecorded_success)
                unrecorded_success = None
            pacer.wait()
            lease.keep()
            still_ours = _start_attempt(delivery, token=token, finishing=unrecorded_success)
            unrecorded_success = None
            if not still_ours:
                continue  # our claim ran out and another sender took the row over
            try:
                connection.open()
                if not send_over(connection, message):
                    raise smtplib.SMTPException("the mail backend did not accept the message")
            except (smtplib.SMTPException, OSError) as error:
                failure = classify(error)
                if failure.connection_lost:
                    _close_quietly(connection)
                _record_failure(delivery, failure, report)
            else:
                unrecorded_success = delivery
                report.count("sent")
    finally:
        if unrecorded_success is not None:
            _record_success(unrecorded_success)
        _close_quietly(connection)


# The hot path of a send: one statement per message, written in SQL because building the
# equivalent ORM expression costs more than the round trip itself.
START_ATTEMPT_SQL = """
UPDATE newsletter_delivery SET status = %(sending)s, attempts = attempts + 1
WHERE id = %(next)s AND status = %(pending)s AND claim_token = %(token)s
"""
START_ATTEMPT_AND_FINISH_SQL = """
UPDATE newsletter_delivery SET
  status = CASE WHEN id = %(done)s THEN %(sent)s ELSE %(sending)s END,
  attempts = CASE WHEN id = %(done)s THEN attempts ELSE attempts + 1 END,
  sent_at = CASE WHEN id = %(done)s THEN %(now)s ELSE sent_at END,
  error = CASE WHEN id = %(done)s THEN '' ELSE error END,
  claimed_until = CASE WHEN id = %(done)s THEN NULL ELSE claimed_until END,
  next_attempt_at = CASE WHEN id = %(done)s THEN NULL ELSE next_attempt_at END
WHERE id = %(done)s OR (id = %(next)s AND status = %(pending)s AND claim_token = %(token)s)
"""


def _start_attempt(delivery: Delivery, *, token: str, finishing: Delivery | None) -> bool:
    """Mark `delivery` as being handed to the server, if our claim on it still holds; also mark
    `finishing` (the previous message) as sent. False when another sender has taken `delivery` over."""
    params = {
        "next": delivery.pk,
        "token": token,
        "pending": Delivery.Status.PENDING.value,
        "sending": Delivery.Status.SENDING.value,
    }
    with connection.cursor() as cursor:
        if finishing is None:
            cursor.execute(START_ATTEMPT_SQL, params)
            return cursor.rowcount == 1
        params.update(done=finishing.pk, sent=Delivery.Status.SENT.value, now=timezone.now())
        cursor.execute(START_ATTEMPT_AND_FINISH_SQL, params)
        started = cursor.rowcount == 2
    _after_success(finishing)
    return started


def _close_quietly(connection) -> None:
    try:
        connection.close()
    except (smtplib.SMTPException, OSError):
        pass
    if hasattr(connection, "connection"):
        connection.connection = None


def _release(ids: list[int], *, token: str) -> None:
    Delivery.objects.filter(pk__in=ids, status=Delivery.Status.PENDING, claim_token=token).update(claimed_until=None)


def _mark(delivery: Delivery, **values) -> None:
    Delivery.objects.filter(pk=delivery.pk).update(claimed_until=None, **values)


def _record_success(delivery: Delivery) -> None:
    _mark(delivery, status=Delivery.Status.SENT, sent_at=timezone.now(), error="", next_attempt_at=None)
    _after_success(delivery)


def _after_success(delivery: Delivery) -> None:
    if delivery.subscriber.consecutive_failures:
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(consecutive_failures=0)


def _record_failure(delivery: Delivery, failure: SendFailure, report: Report) -> None:
    attempts = delivery.attempts + 1
    if failure.permanent or attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _mark(delivery, status=Delivery.Status.FAILED, error=failure.error)
        report.count("failed", failure.error)
        if failure.permanent:
            _count_bounce(delivery.subscriber_id)
        return
    delay = settings.NEWSLETTER_RETRY_BACKOFF_SECONDS * 2 ** (attempts - 1)
    _mark(
        delivery,
        status=Delivery.Status.PENDING,
        error=failure.error,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
    )
    report.count("retrying", failure.error)


def _count_bounce(subscriber_id: int) -> None:
    """Three permanent refusals in a row take the address off the list as bouncing."""
    Subscriber.objects.filter(pk=subscriber_id).update(consecutive_failures=F("consecutive_failures") + 1)
    bouncing = Subscriber.objects.filter(
        pk=subscriber_id,
        status=Subscriber.Status.ACTIVE,
        consecutive_failures__gte=settings.NEWSLETTER_BOUNCES_TO_UNSUBSCRIBE,
    )
    unsubscribe(subscriber_ids=bouncing.values("pk"), reason=Subscriber.UnsubscribeReason.BOUNCING)


def stalled_issue_ids(*, now: datetime) -> list[int]:
    """Issues being sent that nobody is sending: no delivery under a live claim, at least one that could be
    sent now (pending and free, or left "sending" by a sender whose lease ran out), and no progress recorded
    for a lease's length (a run that has just ended and queued its continuation is not stalled)."""
    live_claim = Delivery.objects.filter(issue=OuterRef("pk"), claimed_until__gte=now)
    sendable = Delivery.objects.filter(issue=OuterRef("pk")).filter(
        Q(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
            status=Delivery.Status.PENDING,
        )
        | Q(status=Delivery.Status.SENDING, claimed_until__lt=now)
    )
    quiet_since = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    return list(
        NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENDING, updated_at__lt=quiet_since)
        .filter(Exists(sendable))
        .exclude(Exists(live_claim))
        .values_list("pk", flat=True)
    )


def _record_progress(issue_id: int) -> None:
    progress = issue_progress(issue_id=issue_id)
    NewsletterIssue.objects.filter(pk=issue_id).update(
        recipient_count=progress.total,
        sent_count=progress.sent,
        failed_count=progress.failed,
        updated_at=timezone.now(),
    )


def _finish_or_plan_next(issue_id: int, report: Report) -> Report:
    """Mark the issue sent when nothing is left; otherwise say when the next run should start."""
    _record_progress(issue_id)
    unfinished = Delivery.objects.filter(
        issue_id=issue_id, status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    )
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.status != NewsletterIssue.Status.SENDING:
            report.finished = issue.status == NewsletterIssue.Status.SENT
            return report
        if not unfinished.exists():
            issue.status = NewsletterIssue.Status.SENT
            issue.sent_at = timezone.now()
            issue.save(update_fields=["status", "sent_at", "updated_at"])
            report.finished = True
            return report
    now = timezone.now()
    # Each unfinished row can be taken again once its retry delay and any live claim have passed.
    at_now = Value(now, output_field=DateTimeField())
    free_at = Greatest(Coalesce("next_attempt_at", at_now), Coalesce("claimed_until", at_now))
    report.retry_at = max(now, unfinished.aggregate(at=Min(free_at))["at"] or now)
    logger.info("Issue %s: %s sent in this run, next run at %s", issue_id, report.sent, report.retry_at)
    return report
