import datetime as dt

import pytest

from tests.events.factories import EventFactory
from tests.factories import UserFactory


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run transaction.on_commit callbacks (the e-mail tasks) as a committed transaction would."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture


@pytest.fixture
def coordinator(db):
    """A network coordinator: staff, in the coordinators group with the events permissions, in one network."""
    from django.contrib.auth.models import Group, Permission

    from tests.networks.factories import NetworkFactory, NetworkRoleFactory

    group, _ = Group.objects.get_or_create(name="Network coordinators")
    group.permissions.set(Permission.objects.filter(content_type__app_label="events"))
    user = UserFactory(is_staff=True)
    user.groups.add(group)
    user.own_network = NetworkFactory(slug="own")
    NetworkRoleFactory(network=user.own_network, user=user, role="coordinator")
    return user


@pytest.fixture
def full_event(db):
    """A published event with one seat, taken."""
    event = EventFactory(capacity=1)
    from events.services import enroll

    enroll(event=event, user=UserFactory(first_name="Taken"))
    return event


def in_days(days, hours=0):
    from django.utils import timezone

    return timezone.now() + dt.timedelta(days=days, hours=hours)
