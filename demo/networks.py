"""Demo networks (data/networks.toml): the networks of the source pages, their contact people and members.

Rows are found by slug or e-mail and created only when missing, so a second run leaves them as they are.
"""

from django.utils import timezone

from accounts.models import User
from networks.coordinators import ensure_coordinators_group
from networks.models import Membership, Network, NetworkRole

from .accounts import ensure_user
from .loading import read_data, report, translated

TEXT_FIELDS = ["name", "summary", "description", "focus_areas", "meeting_rhythm"]


def seed(stdout) -> None:
    """Create the missing networks, their coordinators with their roles, and the demo member's membership."""
    data = read_data("networks")
    group = ensure_coordinators_group()
    profile = data["coordinator_profile"]
    coordinators = {}
    for person in data["coordinators"]:
        # Staff without superuser rights, so that the admin shows them only their own networks.
        user, _ = ensure_user(**person, **profile, is_staff=True)
        user.groups.add(group)
        coordinators[user.email] = user
    created = 0
    for spec in data["networks"]:
        network, was_created = _ensure_network(spec, default_rhythm=data["theme_meeting_rhythm"])
        created += was_created
        for order, role in enumerate(spec["roles"]):
            user = coordinators[role["email"]]
            NetworkRole.objects.get_or_create(network=network, user=user, role=role["role"], defaults={"order": order})
            _ensure_active_member(user, network)
    member = User.objects.filter(email=data["member"]["email"]).first()
    if member is not None:
        _ensure_active_member(member, Network.objects.get(slug=data["member"]["network"]))
    report(stdout, "networks", created=created, total=len(data["networks"]))


def coordinator_logins() -> tuple[str, list[str]]:
    """The coordinators' shared password and their e-mails, for `seed_demo` to print."""
    data = read_data("networks")
    return data["coordinator_profile"]["password"], [person["email"] for person in data["coordinators"]]


def _ensure_network(spec: dict, *, default_rhythm: dict) -> tuple[Network, bool]:
    texts = {"meeting_rhythm": default_rhythm} | {field: spec[field] for field in TEXT_FIELDS if field in spec}
    defaults = {"kind": spec["kind"], "join_policy": spec["join_policy"], "order": spec["order"]}
    for field, values in texts.items():
        defaults.update(translated(field, values))
    return Network.objects.get_or_create(slug=spec["slug"], defaults=defaults)


def _ensure_active_member(user: User, network: Network) -> None:
    now = timezone.now()
    Membership.objects.get_or_create(
        user=user,
        network=network,
        defaults={"status": Membership.Status.ACTIVE, "joined_at": now, "status_changed_at": now},
    )
