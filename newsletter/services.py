"""The newsletter's operations: subscribing (double opt-in), confirming, unsubscribing, and issues."""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from hyte_portal.emails import send_email, send_many
from hyte_portal.errors import DomainError

from .models import Delivery, NewsletterIssue, Subscriber, new_token

logger = logging.getLogger(__name__)

# The messages people see, together (views show them; admin actions turn them into messages).
ERRORS = {
    "not_editable": _("This issue is being sent or has been sent, so it can no longer be edited."),
    "already_started": _("This issue is already being sent or has been sent."),
    "schedule_in_past": _("Choose a sending time in the future."),
    "no_subject": _("Write at least the Finnish subject and body before sending."),
    "not_scheduled": _("This issue is not scheduled."),
}


class NewsletterError(DomainError):
    """A rule of the newsletter refused the operation."""


class ConfirmationResult:
    PENDING = "pending"  # the link is valid and waits to be used
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    UNSUBSCRIBED = "unsubscribed"
    INVALID = "invalid"


def normalise_email(email: str) -> str:
    return email.strip().lower()


# --- Subscribing -----------------------------------------------------------------------------


def subscribe(*, email: str, language: str, user=None) -> None:
    """Ask to subscribe `email` (double opt-in): send a confirmation link unless it is already active.

    The caller shows the same neutral answer whatever happens here, so nobody learns whether an
    address is on the list. A pending address gets its link again (at most every few minutes);
    an unsubscribed or expired one starts over with a new token.
    """
    email = normalise_email(email)
    now = timezone.now()
    with transaction.atomic():
        subscriber = _lock_or_create(email=email, language=language, user=user)
        if subscriber.status == Subscriber.Status.ACTIVE:
            return
        resend_after = timedelta(minutes=settings.NEWSLETTER_CONFIRMATION_RESEND_MINUTES)
        if subscriber.status == Subscriber.Status.PENDING and not _is_expired(subscriber, now):
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
    from .tasks import send_confirmation

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
    existing = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, language=language, user=user)
    except IntegrityError:  # someone else created it a moment ago
        return Subscriber.objects.select_for_update().get(email__iexact=email)


def _is_expired(subscriber: Subscriber, now: datetime) -> bool:
    return subscriber.status == Subscriber.Status.PENDING and subscriber.confirmation_expires_at() <= now


def send_confirmation(*, subscriber_id: int) -> None:
    """E-mail the confirmation link to a pending subscriber (nothing for any other state)."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return
    with translation.override(subscriber.language):
        confirm_path = reverse("newsletter:confirm", kwargs={"token": subscriber.token})
    send_email(
        template="newsletter/emails/confirm_subscription",
        to=subscriber.email,
        language=subscriber.language,
        context={
            "confirm_url": f"{settings.SITE_URL}{confirm_path}",
            "expires_at": subscriber.confirmation_expires_at(),
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
    )


def find_by_token(token: str) -> Subscriber | None:
    if not token or len(token) > 64:
        return None
    return Subscriber.objects.filter(token=token).first()


def confirmation_state(subscriber: Subscriber, *, now: datetime | None = None) -> str:
    """What a confirmation link of this subscriber would do now: a ConfirmationResult, or PENDING."""
    if subscriber.status == Subscriber.Status.ACTIVE:
        return ConfirmationResult.ALREADY_CONFIRMED
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return ConfirmationResult.UNSUBSCRIBED
    if _is_expired(subscriber, now or timezone.now()):
        return ConfirmationResult.EXPIRED
    return ConfirmationResult.PENDING


def confirm(*, token: str) -> str:
    """Confirm a subscription from its e-mail link; returns a ConfirmationResult value."""
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(token=token).first() if token else None
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


def unsubscribe(*, subscriber: Subscriber, reason: str = Subscriber.UnsubscribeReason.REQUESTED) -> bool:
    """Take an address off the list. Idempotent: False when it was not on it any more."""
    updated = Subscriber.objects.filter(pk=subscriber.pk).exclude(status=Subscriber.Status.UNSUBSCRIBED)
    return bool(
        updated.update(status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), unsubscribe_reason=reason)
    )


def unsubscribe_by_token(*, token: str) -> bool | None:
    """Unsubscribe from a personal link; None for an unknown token, else whether anything changed."""
    subscriber = find_by_token(token)
    if subscriber is None:
        return None
    return unsubscribe(subscriber=subscriber)


def delete_expired_subscribers(*, now: datetime | None = None) -> int:
    """Forget sign-ups never confirmed within the confirmation period (they gave no consent)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
    expired = Subscriber.objects.filter(status=Subscriber.Status.PENDING).filter(
        Q(confirmation_sent_at__lt=cutoff) | Q(confirmation_sent_at__isnull=True, created_at__lt=cutoff)
    )
    return expired.delete()[0]


# --- Issues ----------------------------------------------------------------------------------


def ensure_editable(*, issue_id: int) -> NewsletterIssue:
    """Lock the issue for an edit; refuse once it is being sent. Call inside the editing transaction."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
    if issue.status not in NewsletterIssue.EDITABLE_STATUSES:
        raise NewsletterError(ERRORS["not_editable"])
    return issue


def _check_sendable(issue: NewsletterIssue) -> None:
    if issue.status not in NewsletterIssue.EDITABLE_STATUSES:
        raise NewsletterError(ERRORS["already_started"])
    if not (issue.subject_fi or "").strip() or not (issue.body_fi or "").strip():
        raise NewsletterError(ERRORS["no_subject"])


def schedule_issue(*, issue_id: int, when: datetime) -> NewsletterIssue:
    """Send the issue automatically at `when` (the beat starts due issues every minute)."""
    if when <= timezone.now():
        raise NewsletterError(ERRORS["schedule_in_past"])
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        _check_sendable(issue)
        issue.status = NewsletterIssue.Status.SCHEDULED
        issue.scheduled_at = when
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return issue


def unschedule_issue(*, issue_id: int) -> NewsletterIssue:
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        if issue.status != NewsletterIssue.Status.SCHEDULED:
            raise NewsletterError(ERRORS["not_scheduled"])
        issue.status = NewsletterIssue.Status.DRAFT
        issue.scheduled_at = None
        issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return issue


def start_sending(*, issue_id: int) -> NewsletterIssue:
    """Send the issue now: freeze its recipients (one delivery per active subscriber) and queue the sending.

    Raises NewsletterError if it is already being sent or sent, so that a second click is a no-op.
    """
    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
        _check_sendable(issue)
        _begin_sending(issue)
    _queue_sending(issue.pk)
    return issue


def _begin_sending(issue: NewsletterIssue) -> None:
    """Under the issue's row lock: mark it sending and create the deliveries (idempotent)."""
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


def _queue_sending(issue_id: int, *, countdown: float | None = None) -> None:
    from .tasks import send_issue as send_issue_task

    transaction.on_commit(lambda: send_issue_task.apply_async((issue_id,), countdown=countdown), robust=True)


def start_due_issues(*, now: datetime | None = None) -> list[int]:
    """Start every scheduled issue whose time has come, and requeue sends that stopped making progress."""
    now = now or timezone.now()
    started = []
    for issue_id in NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.SCHEDULED, scheduled_at__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            issue = NewsletterIssue.objects.select_for_update().get(pk=issue_id)
            if issue.status != NewsletterIssue.Status.SCHEDULED or issue.scheduled_at > now:
                continue  # started or changed meanwhile
            _begin_sending(issue)
            _queue_sending(issue.pk)
        started.append(issue_id)
    # A send whose task was lost (say Redis was flushed) resumes here; a duplicate task is harmless.
    stalled_before = now - timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS + settings.NEWSLETTER_TASK_SECONDS)
    for issue_id in NewsletterIssue.objects.filter(
        status=NewsletterIssue.Status.SENDING, updated_at__lt=stalled_before
    ).values_list("pk", flat=True):
        _queue_sending(issue_id)
    return started


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    failed: int
    pending: int

    @property
    def percent(self) -> int:
        return round(100 * (self.sent + self.failed) / self.total) if self.total else 0


def issue_progress(*, issue_id: int) -> Progress:
    counts = Delivery.objects.filter(issue_id=issue_id).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(status=Delivery.Status.SENT)),
        failed=Count("pk", filter=Q(status=Delivery.Status.FAILED)),
    )
    return Progress(
        total=counts["total"],
        sent=counts["sent"],
        failed=counts["failed"],
        pending=counts["total"] - counts["sent"] - counts["failed"],
    )


def send_test(*, issue_id: int, to: str) -> int:
    """Send the issue, marked as a test, to one address in each language; nothing is recorded."""
    from .rendering import issue_content, issue_message

    issue = NewsletterIssue.objects.get(pk=issue_id)
    messages = [
        issue_message(issue_content(issue, code), to=to, unsubscribe_link=None, is_test=True)
        for code, _name in settings.LANGUAGES
    ]
    return send_many(messages)


def send_test_to_user(*, issue_id: int, user_id: int) -> int:
    """The admin's "send a test to me": the issue in each language to that staff member's address."""
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(pk=user_id)
    return send_test(issue_id=issue_id, to=user.email)


def queue_test(*, issue_id: int, user_id: int) -> None:
    from .tasks import send_test as send_test_task

    transaction.on_commit(lambda: send_test_task.delay(issue_id, user_id), robust=True)


def send_issue(*, issue_id: int, time_budget: float | None = None):
    """Send the issue to every active subscriber, once each; safe to run again, twice at once, or after a crash.

    A draft or scheduled issue first gets its deliveries (one per active subscriber, inserted ignoring
    conflicts); then the pending deliveries go out in batches (see newsletter.sending). A sent issue
    makes this a no-op. Returns a sending.Report; its `retry_at` says when to run again, if ever.
    """
    from .sending import deliver_pending

    with transaction.atomic():
        issue = NewsletterIssue.objects.select_for_update().filter(pk=issue_id).first()
        if issue is None or issue.status == NewsletterIssue.Status.SENT:
            return None
        if issue.status in NewsletterIssue.EDITABLE_STATUSES:
            _begin_sending(issue)
    return deliver_pending(issue_id=issue_id, time_budget=time_budget)
