import factory

from networks.models import Membership, Network, NetworkRole
from tests.factories import UserFactory


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name_fi = factory.Sequence(lambda n: f"Verkosto {n}")
    name_sv = factory.Sequence(lambda n: f"Nätverk {n}")
    name_en = factory.Sequence(lambda n: f"Network {n}")
    summary_fi = "Verkoston tiivistelmä."
    kind = Network.Kind.GOOD_SPIRAL_THEME
    join_policy = Network.JoinPolicy.OPEN


class NetworkRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NetworkRole

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = NetworkRole.Role.CONTACT


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    network = factory.SubFactory(NetworkFactory)
    status = Membership.Status.ACTIVE


def make_coordinator(*networks, role=NetworkRole.Role.CHAIR, **user_fields):
    """A staff user in the "Network coordinators" group holding `role` in each of the networks."""
    from networks.coordinators import ensure_coordinators_group

    coordinator = UserFactory(is_staff=True, **user_fields)
    coordinator.groups.add(ensure_coordinators_group())
    for network in networks:
        NetworkRoleFactory(network=network, user=coordinator, role=role)
    return coordinator
