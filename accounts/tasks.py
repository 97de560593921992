"""Celery tasks of the accounts app: thin wrappers over its services."""

from celery import shared_task


@shared_task(acks_late=True)
def apply_retention() -> dict[str, int]:
    """Beat: erase what is past its retention period (accounts.retention.apply_retention), once a day."""
    from .retention import apply_retention as apply

    return apply()
