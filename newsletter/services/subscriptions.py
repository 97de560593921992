"""Subscribing with double opt-in, confirming, unsubscribing, and forgetting sign-ups never confirmed."""

from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from hyte_portal.emails import send_email
from hyte_portal.lookups import email_matches

from ..emails import confirmation_email_kwargs
from ..models import Subscriber, new_token
from ..selectors import ConfirmationResult, confirmation_state


def normalise_email(email: str) -> str:
    return email.strip().lower()


def subscribe(*, email: str, language: str, user=None) -> None:
    """Ask to subscribe `email` (double opt-in): send a confirmation link unless it is already active.

    The caller shows the same neutral answer whatever happens here, so nobody learns whether an
    address is on the list. A pending address gets its link again (at most every few minutes);
    an unsubscribed or expired one starts over with a new token. A signed-in `user` is linked to the
    subscription only when it is their own account address.
    """
    email = normalise_email(email)
    if user is not None and normalise_email(user.email) != email:
        user = None
    now = timezone.now()
    with transaction.atomic():
        subscriber = _lock_or_create(email=email, language=language, user=user)
        state = confirmation_state(subscriber, now=now)
        if state == ConfirmationResult.ALREADY_CONFIRMED:
            return
        resend_after = timedelta(minutes=settings.NEWSLETTER_CONFIRMATION_RESEND_MINUTES)
        if state == ConfirmationResult.PENDING:
            if subscriber.confirmation_sent_at and now - subscriber.confirmation_sent_at < resend_after:
                return
        else:
            subscriber.token = new_token()
            subscriber.status = Subscriber.Status.PENDING
            subscriber.unsubscribe_reason = ""
        subscriber.language = language
        subscriber.confirmation_sent_at = now
        if user is not None and subscriber.user_id is None:
            subscriber.user = user
        subscriber.save()
    from ..tasks import send_confirmation

    transaction.on_commit(lambda: send_confirmation.delay(subscriber.pk), robust=True)


def subscribe_member(*, user) -> Subscriber:
    """A member subscribes their own verified account address from my page: active at once, no link needed."""
    email = normalise_email(user.email)
    with transaction.atomic():
        subscriber = _lock_or_create(email=email, language=user.preferred_language, user=user)
        if subscriber.status != Subscriber.Status.ACTIVE:
            subscriber.status = Subscriber.Status.ACTIVE
            subscriber.consented_at = timezone.now()
            subscriber.unsubscribed_at = None
            subscriber.unsubscribe_reason = ""
            subscriber.consecutive_failures = 0
        subscriber.user = user
        subscriber.language = user.preferred_language
        subscriber.save()
    return subscriber


def _lock_or_create(*, email: str, language: str, user) -> Subscriber:
    """The row of this address, locked; created (pending) if there is none. Call inside a transaction."""
    existing = Subscriber.objects.select_for_update().filter(email_matches(email)).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, language=language, user=user)
    except IntegrityError:  # someone else created it a moment ago
        return Subscriber.objects.select_for_update().get(email_matches(email))


def send_confirmation(*, subscriber_id: int) -> None:
    """E-mail the confirmation link to a pending subscriber (nothing for any other state)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is not None:
        send_email(**confirmation_email_kwargs(subscriber))


def confirm(*, subscriber: Subscriber) -> str:
    """Confirm a subscription from its e-mail link; returns a ConfirmationResult value."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
        if subscriber is None:
            return ConfirmationResult.INVALID
        state = confirmation_state(subscriber, now=now)
        if state != ConfirmationResult.PENDING:
            return state
        subscriber.status = Subscriber.Status.ACTIVE
        subscriber.consented_at = now
        subscriber.consecutive_failures = 0
        subscriber.save(update_fields=["status", "consented_at", "consecutive_failures"])
    return ConfirmationResult.CONFIRMED


def unsubscribe(
    *, subscriber_ids: Iterable[int] | QuerySet, reason: str = Subscriber.UnsubscribeReason.REQUESTED
) -> int:
    """Take subscribers off the list, in one statement. Idempotent: returns how many were still on it."""
    return (
        Subscriber.objects.filter(pk__in=subscriber_ids)
        .exclude(status=Subscriber.Status.UNSUBSCRIBED)
        .update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), unsubscribe_reason=reason)
    )


def unsubscribe_address(*, email: str) -> int:
    """A member leaves the list from my page: whatever subscription their address has ends."""
    return unsubscribe(subscriber_ids=Subscriber.objects.filter(email_matches(normalise_email(email))).values("pk"))


def delete_expired_subscribers(*, now: datetime | None = None) -> int:
    """Forget sign-ups never confirmed within the confirmation period (they gave no consent); returns how many.

    Part of the portal's retention run (accounts.retention.apply_retention), which records the count."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
    expired = Subscriber.objects.filter(status=Subscriber.Status.PENDING).filter(
        Q(confirmation_sent_at__lt=cutoff) | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    return expired.delete()[0]
