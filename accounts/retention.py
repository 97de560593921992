"""Privacy by default: what the portal stops keeping after a while, applied by one function that Celery beat
(accounts.tasks.apply_retention) and `manage.py apply_retention` (the embedded default, from cron) both call.

Each app erases its own data: enrolment answers (events), accounts never verified (accounts), newsletter sign-ups
never confirmed (newsletter), invitations to networks that can no longer be accepted (networks). The periods are
settings: ENROLLMENT_ANSWERS_RETENTION_DAYS, UNVERIFIED_ACCOUNT_RETENTION_DAYS and NEWSLETTER_CONFIRMATION_DAYS;
an invitation is valid for networks.models.Invitation.VALID_FOR.
"""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from audit.services import SYSTEM, record

from . import services


def apply_retention(*, now: datetime | None = None) -> dict[str, int]:
    """Erase what is past its retention period and write the counts to the audit trail
    (`privacy.retention_applied`, by the system), in one transaction; returns the counts.

    Each step removes only what is still there, so a second run (or the beat running it twice) removes nothing
    more and records zeros.
    """
    from events.services import erase_old_answers
    from networks.services import delete_expired_invitations
    from newsletter.services import delete_expired_subscribers

    now = now or timezone.now()
    with transaction.atomic():
        counts = {
            "enrollment_answers_erased": erase_old_answers(now=now),
            "unverified_accounts_removed": services.delete_unverified_accounts(now=now),
            "newsletter_sign_ups_removed": delete_expired_subscribers(now=now),
            "expired_invitations_removed": delete_expired_invitations(now=now),
        }
        record(actor=SYSTEM, action="privacy.retention_applied", details=counts)
    return counts
