from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_feedback_to_staff(feedback_id: int) -> bool:
    """E-mail staff a feedback message (idempotent; see the service)."""
    return services.send_feedback_to_staff(feedback_id=feedback_id)
