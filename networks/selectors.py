"""Reads about networks that other apps share."""

from .models import Membership, NetworkRole


def is_active_member(user, network) -> bool:
    if not user.is_authenticated or network is None:
        return False
    return Membership.objects.filter(user=user, network=network, status=Membership.Status.ACTIVE).exists()


def active_network_ids(user) -> set[int]:
    """The networks in which the user is an active member (one query)."""
    if not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values_list("network_id", flat=True)
    )


def coordinated_network_ids(user) -> set[int]:
    """The networks a user coordinates: those where they hold a contact, chair, secretary or coordinator role.

    The admin scopes a network coordinator (a staff user who is not a superuser) to these networks' rows.
    """
    if not user.is_authenticated:
        return set()
    return set(NetworkRole.objects.filter(user=user).values_list("network_id", flat=True))
