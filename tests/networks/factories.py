from importlib import import_module

import factory

from networks.models import Membership, Network, NetworkRole
from tests.factories import UserFactory, numbered_in_each_language


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name_fi, name_sv, name_en = numbered_in_each_language("Verkosto", "Nätverk", "Network")
    summary_fi = "Verkoston tiivistelmä."
    kind = Network.Kind.GOOD_SPIRAL_THEME
    join_policy = Network.JoinPolicy.OPEN


class PersonInNetworkFactory(factory.django.DjangoModelFactory):
    """What a network role and a membership share: a person (a new user) in a network (a new one)."""

    class Meta:
        abstract = True

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)


class NetworkRoleFactory(PersonInNetworkFactory):
    class Meta:
        model = NetworkRole

    role = NetworkRole.Role.CONTACT


class MembershipFactory(PersonInNetworkFactory):
    class Meta:
        model = Membership

    status = Membership.Status.ACTIVE


def make_coordinator(*networks, role=NetworkRole.Role.CHAIR, **user_fields):
    """A network coordinator: a staff user in the "Network coordinators" group, holding `role` in each network.

    The group holds what the migrations give it: the networks permissions and, for their events, the events ones.
    """
    from networks.coordinators import ensure_coordinators_group, grant_coordinator_permissions

    event_permissions = import_module("events.migrations.0003_coordinator_permissions").EVENT_PERMISSIONS
    coordinator = UserFactory(is_staff=True, **user_fields)
    coordinator.groups.add(ensure_coordinators_group())
    grant_coordinator_permissions(event_permissions)
    for network in networks:
        NetworkRoleFactory(network=network, user=coordinator, role=role)
    return coordinator
