"""Operations on a person's own account: exporting their data (GDPR, article 20) and erasing it (article 17)."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.utils import timezone


def _when(value):
    return value.isoformat() if value else None


def export_personal_data(*, user) -> dict:
    """Everything the portal keeps about the user, as plain JSON-ready data."""
    from events.models import Enrollment
    from networks.models import Membership, NetworkRole
    from newsletter.models import Subscriber

    memberships = Membership.objects.filter(user=user).select_related("network").order_by("pk")
    roles = NetworkRole.objects.filter(user=user).select_related("network").order_by("pk")
    enrollments = Enrollment.objects.filter(user=user).select_related("event").order_by("pk")
    subscriptions = Subscriber.objects.filter(user=user) | Subscriber.objects.filter(email__iexact=user.email)
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "organisation": user.organisation,
            "job_title": user.job_title,
            "profession": user.profession,
            "region": user.region,
            "preferred_language": user.preferred_language,
            "listed_in_directory": user.listed_in_directory,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "network_memberships": [
            {
                "network": membership.network.name,
                "status": membership.status,
                "requested_at": _when(membership.requested_at),
                "joined_at": _when(membership.joined_at),
                "decided_at": _when(membership.decided_at),
                "left_at": _when(membership.left_at),
            }
            for membership in memberships
        ],
        "network_roles": [{"network": role.network.name, "role": role.role} for role in roles],
        "event_enrollments": [
            {
                "event": enrollment.event.title,
                "event_start": _when(enrollment.event.start),
                "status": enrollment.status,
                "mode": enrollment.mode,
                "answers": enrollment.answers,
                "attended": enrollment.attended,
                "enrolled_at": _when(enrollment.created_at),
                "cancelled_at": _when(enrollment.cancelled_at),
            }
            for enrollment in enrollments
        ],
        "newsletter_subscriptions": [
            {
                "email": subscriber.email,
                "language": subscriber.language,
                "status": subscriber.status,
                "consented_at": _when(subscriber.consented_at),
                "unsubscribed_at": _when(subscriber.unsubscribed_at),
            }
            for subscriber in subscriptions.distinct().order_by("pk")
        ],
    }


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
