"""Staff's operations on newsletter issues: edit, schedule, start and send them, and send a test."""

import logging
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from audit.services import SYSTEM, record
from hyte_portal.emails import send_many

from ..emails import messages_for_test_send
from ..errors import ERRORS, NewsletterError
from ..models import Delivery, NewsletterIssue, Subscriber
from .sending import Report, deliver_pending, stalled_issue_ids

logger = logging.getLogger(__name__)


def ensure_editable(*, issue_id: int) -> NewsletterIssue:
    """Lock the issue for an edit; refuse once it is being sent. Call inside the editing transaction."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
    if not issue.is_editable:
        raise NewsletterError(ERRORS["not_editable"])
    return issue


def save_issue(*, issue: NewsletterIssue, author=None) -> NewsletterIssue:
    """Save staff's text of an issue: a new one as a draft by `author`; an existing one only until it is sent.

    The row lock keeps a send from starting while the text changes. Only the text is written, so that an
    edit never puts back a status or time that changed since the form was opened.
    """
    with transaction.atomic():
        if issue.pk is None:
            issue.created_by = author
            issue.save()
        else:
            ensure_editable(issue_id=issue.pk)
            issue.save(update_fields=[*NewsletterIssue.CONTENT_FIELDS, "updated_at"])
    return issue


def _check_sendable(issue: NewsletterIssue) -> None:
    if not issue.is_editable:
        raise NewsletterError(ERRORS["already_started"])
    if not (issue.subject_fi or "").strip() or not (issue.body_fi or "").strip():
        raise NewsletterError(ERRORS["no_subject"])


def schedule_issue(*, issue_id: int, when: datetime, by) -> NewsletterIssue:
    """Send the issue automatically at `when` (the beat starts due issues every minute), as staff member `by`
    decided; the audit trail gets `newsletter.scheduled`."""
    if when <= timezone.now():
        raise NewsletterError(ERRORS["schedule_in_past"])
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        _check_sendable(issue)
        issue.status = NewsletterIssue.Status.SCHEDULED
        issue.scheduled_at = when
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
        record(actor=by, action="newsletter.scheduled", obj=issue, details={"scheduled_at": when})
    return issue


def unschedule_issue(*, issue_id: int, by) -> NewsletterIssue:
    """Take a scheduled issue back to a draft, so that it is not sent (`newsletter.unscheduled` by `by`)."""
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.status != NewsletterIssue.Status.SCHEDULED:
            raise NewsletterError(ERRORS["not_scheduled"])
        issue.status = NewsletterIssue.Status.DRAFT
        issue.scheduled_at = None
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
        record(actor=by, action="newsletter.unscheduled", obj=issue)
    return issue


def start_sending(*, issue_id: int, by) -> NewsletterIssue:
    """Send the issue now, as staff member `by` decided: freeze its recipients (one delivery per active
    subscriber) and queue the sending.

    Raises NewsletterError if it is already being sent or sent, so that a second click is a no-op.
    """
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        _check_sendable(issue)
        _begin_sending(issue, by=by)
    _queue_sending(issue.pk)
    return issue


def _begin_sending(issue: NewsletterIssue, *, by) -> None:
    """Under the issue's row lock: mark it sending and create the deliveries (idempotent), and write
    `newsletter.sent` with the number of recipients to the trail (by `by`, or the system for a scheduled issue).

    Only an issue that is still a draft or scheduled comes here, so the entry is written once per issue."""
    subscriber_ids = Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(issue_id=issue.pk, subscriber_id=pk) for pk in subscriber_ids.iterator(chunk_size=2000)),
        batch_size=1000,
        ignore_conflicts=True,
    )
    issue.status = NewsletterIssue.Status.SENDING
    issue.sending_started_at = issue.sending_started_at or timezone.now()
    issue.recipient_count = issue.deliveries.count()
    issue.save(update_fields=["status", "sending_started_at", "recipient_count", "updated_at"])
    record(actor=by, action="newsletter.sent", obj=issue, details={"recipients": issue.recipient_count})


def _queue_sending(issue_id: int) -> None:
    from ..tasks import send_issue as send_issue_task

    transaction.on_commit(lambda: send_issue_task.delay(issue_id), robust=True)


def start_due_issues(*, now: datetime | None = None) -> list[int]:
    """Start every scheduled issue whose time has come; returns their ids."""
    now = now or timezone.now()
    started = []
    for issue_id in NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.SCHEDULED, scheduled_at__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
            if issue.status != NewsletterIssue.Status.SCHEDULED or issue.scheduled_at > now:
                continue  # started or changed meanwhile
            _begin_sending(issue, by=SYSTEM)
            _queue_sending(issue.pk)
        started.append(issue_id)
    return started


def resume_stalled_sends(*, now: datetime | None = None) -> list[int]:
    """Queue a new sending run for each issue that nobody is sending any more (its worker died, or its task was
    lost); returns their ids. The beat calls this every NEWSLETTER_CHECK_SECONDS, so that the rows of a dead
    worker, free once its short lease has run out, are taken over within a minute.

    A duplicate run is harmless (runs claim separate rows), but to avoid piling them up behind a busy queue, the
    issue is marked as touched now, so that it counts as stalled again only after another lease's length.
    """
    now = now or timezone.now()
    stalled = stalled_issue_ids(now=now)
    for issue_id in stalled:
        NewsletterIssue.objects.filter(pk=issue_id).update(updated_at=now)
        logger.warning("Issue %s: nobody was sending it; a new sending run is queued", issue_id)
        _queue_sending(issue_id)
    return stalled


def send_issue(*, issue_id: int, time_budget: float | None = None) -> Report | None:
    """Send the issue to every active subscriber, once each; safe to run again, twice at once, or after a crash.

    A draft or scheduled issue first gets its deliveries (one per active subscriber, inserted ignoring
    conflicts); then the pending deliveries go out in batches (see newsletter.services.sending). A sent
    issue makes this a no-op (None). The report's `retry_at` says when to run again, if ever.
    """
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None or issue.status == NewsletterIssue.Status.SENT:
            return None
        if issue.is_editable:
            _begin_sending(issue, by=SYSTEM)
    return deliver_pending(issue_id=issue_id, time_budget=time_budget)


def queue_test(*, issue_id: int, user_id: int) -> None:
    """The admin's "send a test to me": queue the issue in each language to that staff member."""
    from ..tasks import send_test as send_test_task

    transaction.on_commit(lambda: send_test_task.delay(issue_id, user_id), robust=True)


def send_test(*, issue_id: int, user_id: int) -> int:
    """Send the issue, marked as a test, to the staff member in each language; nothing is recorded."""
    issue = NewsletterIssue.objects.get(pk=issue_id)
    user = get_user_model().objects.get(pk=user_id)
    return send_many(messages_for_test_send(issue, to=user.email))
