"""The constraints the shared data model holds, whichever app's code writes the rows."""

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from events.models import Enrollment
from events.selectors import upcoming_events_for
from materials.models import Material
from materials.selectors import materials_visible_to
from networks.selectors import is_active_member
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def test_one_membership_per_user_and_network():
    membership = MembershipFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        MembershipFactory(user=membership.user, network=membership.network)


def test_event_must_end_after_it_starts():
    event = EventFactory.build()
    event.end = event.start - dt.timedelta(minutes=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        event.save()


def test_one_live_enrollment_per_user_and_event_but_cancelled_ones_may_repeat():
    first = EnrollmentFactory(status=Enrollment.Status.CANCELLED)
    EnrollmentFactory(event=first.event, user=first.user, status=Enrollment.Status.CANCELLED)
    EnrollmentFactory(event=first.event, user=first.user, status=Enrollment.Status.CONFIRMED)
    with pytest.raises(IntegrityError), transaction.atomic():
        EnrollmentFactory(event=first.event, user=first.user, status=Enrollment.Status.WAITLISTED)


def test_material_has_a_file_or_an_address_but_not_both():
    with pytest.raises(IntegrityError), transaction.atomic():
        MaterialFactory(url="")
    with pytest.raises(IntegrityError), transaction.atomic():
        MaterialFactory(file="materials/2025/x.pdf")


def test_members_only_events_are_visible_to_active_members_of_their_network(user):
    network = NetworkFactory()
    members_only = EventFactory(network=network, audience="network_members")
    public = EventFactory()
    assert list(upcoming_events_for(user)) == [public]
    MembershipFactory(user=user, network=network)
    assert is_active_member(user, network)
    assert set(upcoming_events_for(user)) == {public, members_only}


def test_members_only_materials_are_hidden_from_visitors(user):
    from django.contrib.auth.models import AnonymousUser

    public = MaterialFactory()
    members = MaterialFactory(visibility=Material.Visibility.MEMBERS)
    assert list(materials_visible_to(AnonymousUser())) == [public]
    assert set(materials_visible_to(user)) == {public, members}
