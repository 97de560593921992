"""Celery tasks of the events app: thin wrappers that take ids and call services."""

from celery import shared_task


@shared_task(acks_late=True, reject_on_worker_lost=True)
def send_due_reminders() -> int:
    """Celery beat runs this every 5 minutes (see CELERY_BEAT_SCHEDULE)."""
    from events import reminders

    return reminders.send_due_reminders()
