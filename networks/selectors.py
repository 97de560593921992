"""Reads about networks that pages, partials, the admin and other apps share."""

import uuid

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction
from django.db.models import Case, Count, IntegerField, Prefetch, Q, QuerySet, Value, When

from .models import Invitation, Membership, Network, NetworkRole


def is_active_member(user, network) -> bool:
    """Whether the user is an active member of the network (one query)."""
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


def _kind_rank():
    return Case(
        *[When(kind=kind, then=Value(rank)) for rank, kind in enumerate(Network.KIND_ORDER)],
        default=Value(len(Network.KIND_ORDER)),
        output_field=IntegerField(),
    )


def listed_networks() -> QuerySet[Network]:
    """Active networks in the order the pages list them: Good Spiral themes first, then by kind and order."""
    return Network.objects.filter(is_active=True).alias(kind_rank=_kind_rank()).order_by("kind_rank", "order", "slug")


MEMBER_COUNTS_GENERATION_KEY = "networks:active-member-counts:generation"
MEMBER_COUNTS_SECONDS = 300


def member_counts() -> dict[int, int]:
    """Active members per network id, from the cache; counted (one query over all memberships) when it is empty.

    Counting a region's 100,000 memberships on every page view cost more than the rest of the page. The counts are
    kept under a generation that every save or delete of a membership replaces (forget_member_counts, connected
    in networks.apps), at once and when its transaction commits. Counts made from a snapshot older than a change
    are therefore stored under a generation nobody reads any more; the five-minute lifetime bounds what a change
    made without signals (queryset.update()) could leave.
    """
    generation = cache.get(MEMBER_COUNTS_GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        cache.add(MEMBER_COUNTS_GENERATION_KEY, generation, None)
        generation = cache.get(MEMBER_COUNTS_GENERATION_KEY, generation)
    key = f"networks:active-member-counts:{generation}"
    counts = cache.get(key)
    if counts is None:
        active = Membership.objects.filter(status=Membership.Status.ACTIVE).order_by()
        counts = dict(active.values("network_id").annotate(count=Count("pk")).values_list("network_id", "count"))
        cache.set(key, counts, MEMBER_COUNTS_SECONDS)
    return counts


def forget_member_counts(**kwargs) -> None:
    """Start a new generation of the cached member counts, now and once the current transaction commits."""
    cache.set(MEMBER_COUNTS_GENERATION_KEY, uuid.uuid4().hex, None)
    transaction.on_commit(lambda: cache.set(MEMBER_COUNTS_GENERATION_KEY, uuid.uuid4().hex, None))


def with_member_count(networks):
    """The networks (a list), each with `member_count` (active members) from member_counts()."""
    counts = member_counts()
    for network in networks:
        network.member_count = counts.get(network.pk, 0)
    return networks


def networks_for_list(user) -> list[Network]:
    """Listed networks with `member_count`, and `my_status`: the user's membership status or None (two queries,
    one more when the member counts are not in the cache)."""
    networks = with_member_count(list(listed_networks()))
    statuses = membership_statuses(user)
    for network in networks:
        network.my_status = statuses.get(network.pk)
    return networks


def active_network(slug: str) -> Network | None:
    """The active network with this slug, or None."""
    return Network.objects.filter(is_active=True, slug=slug).first()


def with_membership_counts(networks: QuerySet[Network]) -> QuerySet[Network]:
    """The networks, each with `active_member_count` and `pending_count` (requests waiting for a decision)."""
    return networks.annotate(
        active_member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)),
        pending_count=Count("memberships", filter=Q(memberships__status=Membership.Status.PENDING)),
    )


def network_for_page(slug: str) -> Network | None:
    """An active network with its member count and its contact people (two queries, and the member counts when
    they are not in the cache), or None."""
    roles = NetworkRole.objects.select_related("user").order_by("order", "pk")
    network = Network.objects.filter(is_active=True, slug=slug).prefetch_related(Prefetch("roles", queryset=roles))
    found = with_member_count(list(network[:1]))
    return found[0] if found else None


def membership_statuses(user) -> dict[int, str]:
    """The user's membership status in each network they have a row for, by network id (one query)."""
    if not user.is_authenticated:
        return {}
    return dict(Membership.objects.filter(user=user).values_list("network_id", "status"))


def membership_of(user, network) -> Membership | None:
    """The user's membership row in the network, whatever its status, or None."""
    if not user.is_authenticated:
        return None
    return Membership.objects.filter(user=user, network=network).first()


def current_memberships(user) -> QuerySet[Membership]:
    """The user's active memberships and pending requests in active networks, for their own page (one query)."""
    if not user.is_authenticated:
        return Membership.objects.none()
    return (
        Membership.objects.filter(
            user=user,
            network__is_active=True,
            status__in=[Membership.Status.ACTIVE, Membership.Status.PENDING],
        )
        .select_related("network")
        .order_by("status", "network__order", "network__slug")  # active before pending
    )


def directory_members(network) -> QuerySet[Membership]:
    """Active members of the network who chose to be listed in member directories, by name (one query)."""
    return (
        Membership.objects.filter(network=network, status=Membership.Status.ACTIVE, user__listed_in_directory=True)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    )


def active_members_of(networks) -> QuerySet[Membership]:
    """The active memberships of the given networks, by network and then by name, with users (one query)."""
    return (
        Membership.objects.filter(network__in=networks, status=Membership.Status.ACTIVE)
        .select_related("user", "network")
        .order_by("network__order", "network__slug", "user__last_name", "user__first_name")
    )


def people_of_networks(network_ids):
    """The users who are active members of, or hold a role in, any of the networks: whom a coordinator may name."""
    return (
        get_user_model()
        .objects.filter(
            Q(memberships__network_id__in=network_ids, memberships__status=Membership.Status.ACTIVE)
            | Q(network_roles__network_id__in=network_ids)
        )
        .distinct()
    )


def invitation_for_token(token: str) -> Invitation | None:
    """The invitation with this secret token, with its network and inviter; None, without a query, for a token
    that has not the shape of one (a NUL byte, a thousand characters)."""
    if not Invitation.has_token_shape(token):
        return None
    return Invitation.objects.select_related("network", "invited_by").filter(token=token).first()


def invitations_of(user, *, addresses: list[str]) -> QuerySet[Invitation]:
    """The invitations sent to any of the person's `addresses` (their account's), or accepted by them, whatever
    their status, with their network: what the portal keeps about them as someone invited (export, erasure)."""
    addresses = sorted({address.strip().lower() for address in addresses if address})
    return Invitation.objects.filter(Q(email__in=addresses) | Q(accepted_by=user)).select_related("network")
