"""Celery tasks of the newsletter: thin wrappers that take ids and call the services."""

import smtplib

from celery import shared_task
from django.utils import timezone

from . import services

# A mail server that is down or refuses for a moment: try again after 1, 2, 4... minutes.
SMTP_RETRY = {"autoretry_for": (smtplib.SMTPException, OSError), "retry_backoff": 60, "max_retries": 6}


@shared_task(acks_late=True, reject_on_worker_lost=True, **SMTP_RETRY)
def send_confirmation(subscriber_id: int) -> None:
    services.send_confirmation(subscriber_id=subscriber_id)


@shared_task(acks_late=True, reject_on_worker_lost=True, **SMTP_RETRY)
def send_test(issue_id: int, user_id: int) -> int:
    return services.send_test(issue_id=issue_id, user_id=user_id)


@shared_task(bind=True, acks_late=True, reject_on_worker_lost=True)
def send_issue(self, issue_id: int) -> dict | None:
    """Send an issue for at most NEWSLETTER_TASK_SECONDS, then queue the rest as a new task.

    Short runs keep each task well inside Redis' visibility timeout; retries wait for the
    deliveries' backoff. Inline (no Redis) only an immediate continuation runs.
    """
    report = services.send_issue(issue_id=issue_id)
    if report is None:
        return None
    if report.retry_at is not None:
        delay = max(0.0, (report.retry_at - timezone.now()).total_seconds())
        if not self.request.is_eager:
            send_issue.apply_async((issue_id,), countdown=delay)
        elif delay <= 0:
            send_issue.apply(args=(issue_id,))
    return {"sent": report.sent, "failed": report.failed, "retrying": report.retrying, "finished": report.finished}


@shared_task(acks_late=True)
def start_due_issues() -> dict:
    """The beat's newsletter round (every NEWSLETTER_CHECK_SECONDS): start scheduled issues, resume stalled sends."""
    return {"started": services.start_due_issues(), "resumed": services.resume_stalled_sends()}
