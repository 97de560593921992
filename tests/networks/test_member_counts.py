"""The member counts on the networks' pages come from a cached aggregate (selectors.member_counts): after a storm of
joins and leaves, with pages reading the counts all the while, the cached count equals the real one."""

import threading

import pytest
from django.db.models.signals import post_delete, post_save

from networks import selectors, services
from networks.models import Membership
from tests.factories import UserFactory
from tests.helpers import run_concurrently
from tests.networks.factories import NetworkFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PEOPLE = 16


def real_count(network) -> int:
    return Membership.objects.filter(network=network, status=Membership.Status.ACTIVE).count()


def storm(network, people):
    """Each person joins, and every other one leaves again, while two readers keep reading the counts."""
    done = threading.Event()

    def member(person, leaves):
        def act():
            services.join_network(user=person, network=network)
            if leaves:
                services.leave_network(user=person, network=network)

        return act

    def reader():
        while not done.is_set():
            selectors.member_counts()

    readers = [threading.Thread(target=reader) for _ in range(2)]
    for thread in readers:
        thread.start()
    try:
        _results, errors = run_concurrently([member(person, index % 2) for index, person in enumerate(people)])
    finally:
        done.set()
        for thread in readers:
            thread.join()
    assert not errors


def test_cached_member_count_equals_the_real_count_after_joins_and_leaves():
    network = NetworkFactory()
    people = UserFactory.create_batch(PEOPLE)
    selectors.member_counts()  # the counts are in the cache before the storm
    storm(network, people)
    assert real_count(network) == PEOPLE // 2
    assert selectors.member_counts().get(network.pk, 0) == real_count(network)


def test_the_count_test_catches_a_cache_that_is_not_emptied():
    """Proof that the test above can fail: without the signal that starts a new generation, the count is stale."""
    network = NetworkFactory()
    people = UserFactory.create_batch(PEOPLE)
    selectors.member_counts()
    uids = ("networks_forget_counts_on_save", "networks_forget_counts_on_delete")
    post_save.disconnect(dispatch_uid=uids[0], sender=Membership)
    post_delete.disconnect(dispatch_uid=uids[1], sender=Membership)
    try:
        storm(network, people)
        assert selectors.member_counts().get(network.pk, 0) != real_count(network)
    finally:
        post_save.connect(selectors.forget_member_counts, sender=Membership, dispatch_uid=uids[0])
        post_delete.connect(selectors.forget_member_counts, sender=Membership, dispatch_uid=uids[1])
