"""Celery tasks of the events app: thin wrappers that take ids."""

import smtplib

from celery import shared_task

# A mail server that is briefly away is tried again later, with growing pauses.
MAIL_RETRY = {"autoretry_for": (smtplib.SMTPException, OSError), "retry_backoff": 30, "max_retries": 6}


@shared_task(acks_late=True, **MAIL_RETRY)
def send_enrollment_email(enrollment_id: int, kind: str) -> bool:
    from .emails import send_enrollment_email as send

    return send(enrollment_id=enrollment_id, kind=kind)


@shared_task(acks_late=True, **MAIL_RETRY)
def send_series_email(subscription_id: int, enrollment_ids: list[int]) -> bool:
    """The one confirmation of a series enrolment, with one calendar file of every date."""
    from .emails import send_series_email as send

    return send(subscription_id=subscription_id, enrollment_ids=enrollment_ids)


@shared_task(acks_late=True, **MAIL_RETRY)
def send_message_to_participants(event_id: int, enrollment_ids: list[int], texts: dict) -> int:
    """`texts` maps a language code to {"subject": ..., "message": ...}, as staff wrote them."""
    from .emails import send_message_to_participants as send

    return send(event_id=event_id, enrollment_ids=enrollment_ids, texts=texts)


@shared_task(acks_late=True)
def generate_upcoming_occurrences(months: int = 3) -> int:
    """Beat: keep the next `months` months of every active series generated (idempotent)."""
    from .services import generate_upcoming_occurrences as generate

    return generate(months=months)


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_due_reminders() -> int:
    """Celery beat runs this every 5 minutes (see CELERY_BEAT_SCHEDULE)."""
    from events import reminders

    return reminders.send_due_reminders()


@shared_task(acks_late=True)
def issue_due_certificates() -> int:
    """Beat: issue the certificates of courses whose last session has ended (every 15 minutes)."""
    from .services import issue_due_certificates as issue

    return issue()
