"""Celery tasks of the membership and invitation e-mails: thin wrappers that take ids and call networks.services."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_membership_decision(membership_id: int) -> bool:
    """E-mail a member the approval or rejection of their request to join (idempotent; see the service)."""
    return services.send_membership_decision(membership_id=membership_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def notify_coordinators_of_request(membership_id: int) -> int:
    """E-mail a network's coordinators that a request to join waits for their decision (see the service)."""
    return services.notify_coordinators_of_request(membership_id=membership_id)


@shared_task(acks_late=True, autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_invitation(invitation_id: int) -> bool:
    """E-mail an invitation to join a network to its address (idempotent; see the service)."""
    return services.send_invitation(invitation_id=invitation_id)
