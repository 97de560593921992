"""Reads of the newsletter that views, the admin, template tags and services share."""

import re
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from hyte_portal.lookups import email_matches

from .models import Delivery, NewsletterIssue, Subscriber

# What new_token() makes: checked before any query, so that a mangled link (cut short, with a NUL byte or
# other characters no token has) finds nothing instead of reaching the database.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")


class ConfirmationResult:
    PENDING = "pending"  # the link is valid and waits to be used
    CONFIRMED = "confirmed"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    UNSUBSCRIBED = "unsubscribed"
    INVALID = "invalid"  # the subscriber is gone


def _has_token_shape(token) -> bool:
    return isinstance(token, str) and TOKEN_SHAPE.fullmatch(token) is not None


def find_by_confirmation_token(token) -> Subscriber | None:
    """The subscriber whose confirmation link carries `token`; None for any other token, an unsubscribe token
    included, and without a query for one that is not of the right shape."""
    if not _has_token_shape(token):
        return None
    return Subscriber.objects.filter(token=token).first()


def find_by_unsubscribe_token(token) -> Subscriber | None:
    """The subscriber whose unsubscribe link (or List-Unsubscribe header) carries `token`; None for any other
    token, a confirmation token included, and without a query for one that is not of the right shape."""
    if not _has_token_shape(token):
        return None
    return Subscriber.objects.filter(unsubscribe_token=token).first()


def confirmation_state(subscriber: Subscriber, *, now: datetime | None = None) -> str:
    """What the subscriber's confirmation link would do now: a ConfirmationResult (PENDING: it would confirm)."""
    if subscriber.status == Subscriber.Status.ACTIVE:
        return ConfirmationResult.ALREADY_CONFIRMED
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return ConfirmationResult.UNSUBSCRIBED
    if subscriber.confirmation_expires_at() <= (now or timezone.now()):
        return ConfirmationResult.EXPIRED
    return ConfirmationResult.PENDING


def subscription_of(user) -> Subscriber | None:
    """The subscription of the member's account address, if any (one query)."""
    if not user.is_authenticated:
        return None
    return Subscriber.objects.filter(email_matches(user.email)).first()


def active_subscriber_count() -> int:
    """How many addresses an issue sent now would go to."""
    return Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).count()


@dataclass(frozen=True)
class Progress:
    total: int
    sent: int
    failed: int

    @property
    def pending(self) -> int:
        return self.total - self.sent - self.failed

    @property
    def percent(self) -> int:
        return round(100 * (self.sent + self.failed) / self.total) if self.total else 0


def _delivery_counts(prefix: str = "") -> dict:
    return {
        "total": Count(f"{prefix}pk"),
        "sent": Count(f"{prefix}pk", filter=Q(**{f"{prefix}status": Delivery.Status.SENT})),
        "failed": Count(f"{prefix}pk", filter=Q(**{f"{prefix}status": Delivery.Status.FAILED})),
    }


def issue_progress(*, issue_id: int) -> Progress:
    """How far the sending of one issue has come: its deliveries sent, failed and in all."""
    return Progress(**Delivery.objects.filter(issue_id=issue_id).aggregate(**_delivery_counts()))


def issues_with_progress(issues: QuerySet[NewsletterIssue]) -> QuerySet[NewsletterIssue]:
    """The issues with their deliveries counted in the same query, for progress_of() (the admin's list)."""
    counts = {f"progress_{name}": count for name, count in _delivery_counts("deliveries__").items()}
    return issues.annotate(**counts)


def progress_of(issue: NewsletterIssue) -> Progress:
    """The progress of an issue that issues_with_progress() counted."""
    return Progress(total=issue.progress_total, sent=issue.progress_sent, failed=issue.progress_failed)
