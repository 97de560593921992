"""Every operation that changes the newsletter, by what it acts on:

- subscriptions: subscribing with double opt-in, confirming, unsubscribing, forgetting unconfirmed sign-ups;
- issues: staff's editing, scheduling, sending and test-sending of an issue;
- sending: delivering a started issue to its subscribers in batches, once each.

The names callers use are gathered here (`services.subscribe`, `services.send_issue`).
"""

from ..errors import ERRORS, NewsletterError
from .issues import (
    ensure_editable,
    queue_test,
    resume_stalled_sends,
    save_issue,
    schedule_issue,
    send_issue,
    send_test,
    start_due_issues,
    start_sending,
    unschedule_issue,
)
from .subscriptions import (
    confirm,
    delete_expired_subscribers,
    send_confirmation,
    subscribe,
    subscribe_member,
    unsubscribe,
    unsubscribe_address,
)

__all__ = [
    "ERRORS",
    "NewsletterError",
    "confirm",
    "delete_expired_subscribers",
    "ensure_editable",
    "queue_test",
    "resume_stalled_sends",
    "save_issue",
    "schedule_issue",
    "send_confirmation",
    "send_issue",
    "send_test",
    "start_due_issues",
    "start_sending",
    "subscribe",
    "subscribe_member",
    "unschedule_issue",
    "unsubscribe",
    "unsubscribe_address",
]
