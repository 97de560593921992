"""Operations on a person's own account: their profile, the export of their data (GDPR, article 20) and erasing
it (article 17), and removing accounts whose address was never verified."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.services import forget_person, record
from hyte_portal.lookups import email_matches

from . import selectors
from .models import User


def update_profile(*, user, **fields) -> None:
    """Save the person's own profile: the given fields, each one of User.PROFILE_FIELDS."""
    unknown = set(fields) - set(User.PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))


def export_personal_data(*, user) -> dict:
    """Everything the portal keeps about the user (accounts.selectors.personal_data), for their own download;
    the audit trail gets `account.exported` in the same transaction, so that no export goes unrecorded."""
    with transaction.atomic():
        data = selectors.personal_data(user)
        record(actor=user, action="account.exported", obj=user, person=user)
    return data


def delete_account(*, user, by) -> None:
    """Erase the user and everything that names them, in one transaction; `by` is the user themself, or None
    when the system removes an account (an address never verified).

    First their seats in coming events go to the waiting lists (through the events service, so the next in line
    is promoted and told once the deletion commits); then their newsletter subscriptions and the invitations to
    networks sent to their addresses go, and their memberships, roles, enrolments and e-mail addresses with the
    user row. The audit trail keeps its entries about them but loses
    their personal details (audit.services.forget_person), the `account.erased` entry written here included: it
    ends up naming nobody, only the erased account's id. If any step fails, nothing is released or erased.
    """
    from events.services import release_seats_of
    from networks.services import delete_invitations_of
    from newsletter.models import Subscriber

    with transaction.atomic():
        release_seats_of(user=user)
        (Subscriber.objects.filter(user=user) | Subscriber.objects.filter(email_matches(user.email))).delete()
        # Only proved addresses: removing an account never verified must not cancel the invitations that were
        # sent to the address's real owner.
        delete_invitations_of(user=user, addresses=selectors.verified_addresses(user))
        record(actor=by, action="account.erased", obj=user, person=user, details={"user_id": user.pk})
        forget_person(user=user)
        user.delete()


def delete_unverified_accounts(*, now: datetime | None = None) -> int:
    """Remove the accounts whose address was never verified and that never logged in, made more than
    UNVERIFIED_ACCOUNT_RETENTION_DAYS ago, each through delete_account; returns how many were removed.

    Rows another run holds are skipped (it removes them), so two runs at once remove each account once.
    """
    cutoff = (now or timezone.now()) - timedelta(days=settings.UNVERIFIED_ACCOUNT_RETENTION_DAYS)
    with transaction.atomic():
        accounts = list(selectors.never_verified_accounts(joined_before=cutoff).select_for_update(skip_locked=True))
        for user in accounts:
            delete_account(user=user, by=None)
    return len(accounts)
