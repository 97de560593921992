"""Reads about people: finding an account by its address, accounts never verified, and everything the portal keeps
about one (GDPR)."""

from allauth.account.models import EmailAddress
from django.db.models import Exists, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from hyte_portal.lookups import email_matches

from .models import User


def user_with_email(email: str) -> User | None:
    """The account that uses the e-mail address, in any letter case, or None."""
    return User.objects.filter(email_matches(email)).first()


def never_verified_accounts(*, joined_before) -> QuerySet[User]:
    """Accounts made before `joined_before` that never logged in and have no verified address: sign-ups whose
    owner never confirmed. Staff accounts are left out (one made with createsuperuser has no allauth address)."""
    verified = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    return User.objects.filter(
        date_joined__lt=joined_before, last_login__isnull=True, is_staff=False, is_superuser=False
    ).exclude(Exists(verified))


def verified_addresses(user: User) -> list[str]:
    """The e-mail addresses the person has proved are theirs (an allauth confirmation); one query."""
    return list(EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True))


def _when(value):
    return value.isoformat() if value else None


def _certificate(enrollment) -> dict | None:
    certificate = getattr(enrollment, "certificate", None)  # a missing one-to-one row reads as None here
    if certificate is None:
        return None
    return {
        "code": certificate.code,
        "issued_at": _when(certificate.issued_at),
        "revoked_at": _when(certificate.revoked_at),
    }


def personal_data(user: User) -> dict:
    """Everything the portal keeps about the user, as plain JSON-ready data (GDPR, article 20)."""
    from events.models import Enrollment, SessionAttendance
    from networks.models import Membership, NetworkRole
    from networks.selectors import invitations_of
    from newsletter.models import Subscriber

    memberships = Membership.objects.filter(user=user).select_related("network").order_by("pk")
    roles = NetworkRole.objects.filter(user=user).select_related("network").order_by("pk")
    enrollments = (
        Enrollment.objects.filter(user=user)
        .select_related("event", "certificate")
        .prefetch_related(Prefetch("session_attendances", queryset=SessionAttendance.objects.select_related("session")))
        .order_by("pk")
    )
    subscriptions = Subscriber.objects.filter(user=user) | Subscriber.objects.filter(email_matches(user.email))
    addresses = list(EmailAddress.objects.filter(user=user).order_by("pk"))
    # Only addresses the person proved are theirs: an address added but never confirmed shows no one's invitations.
    invitations = invitations_of(user, addresses=[address.email for address in addresses if address.verified])
    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            **{field: getattr(user, field) for field in User.PROFILE_FIELDS},
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary} for address in addresses
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
        "network_invitations": [
            {
                "network": invitation.network.name,
                "email": invitation.email,
                "status": invitation.status,
                "invited_at": _when(invitation.created_at),
                "valid_until": _when(invitation.expires_at),
                "accepted_at": _when(invitation.accepted_at),
            }
            for invitation in invitations.order_by("pk")
        ],
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
                "sessions_attended": [
                    {"session": attendance.session.title, "marked_at": _when(attendance.marked_at)}
                    for attendance in enrollment.session_attendances.all()
                ],
                "certificate": _certificate(enrollment),
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
