"""Operations on a person's own account: their profile, and erasing their data (GDPR, article 17)."""

from django.db import transaction

from .models import User


def update_profile(*, user, **fields) -> None:
    """Save the person's own profile: the given fields, each one of User.PROFILE_FIELDS."""
    unknown = set(fields) - set(User.PROFILE_FIELDS)
    if unknown:
        raise ValueError(f"not profile fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(user, name, value)
    user.save(update_fields=list(fields))


def delete_account(*, user) -> None:
    """Erase the user and everything that names them.

    Their seats in coming events go to the waiting list first (through the events service, so the next in
    line is promoted and told); then their newsletter subscriptions, memberships, roles, enrolments and
    e-mail addresses go with the user row.
    """
    from events.services import release_seats_of
    from newsletter.models import Subscriber

    release_seats_of(user=user)
    with transaction.atomic():
        (Subscriber.objects.filter(user=user) | Subscriber.objects.filter(email__iexact=user.email)).delete()
        user.delete()
