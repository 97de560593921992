"""The decision e-mail through the real path: Redis as the broker and a Celery worker."""

import pytest
from celery.contrib.testing.worker import start_worker
from django.core import mail

from hyte_portal.celery import app as celery_app
from networks import services
from networks.models import Membership, Network
from tests.factories import UserFactory
from tests.helpers import wait_until
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = [pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_approval_queued_on_commit_is_sent_by_a_celery_worker():
    assert not celery_app.conf.task_always_eager
    member = UserFactory(preferred_language="sv")
    request = MembershipFactory(
        user=member, network=NetworkFactory(join_policy=Network.JoinPolicy.APPROVAL), status="pending"
    )
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
        services.approve_membership(membership_id=request.pk, decided_by=UserFactory())
        assert wait_until(lambda: len(mail.outbox) == 1)
        assert wait_until(lambda: Membership.objects.get(pk=request.pk).decision_mailed_at is not None)
    assert mail.outbox[0].to == [member.email]
    assert mail.outbox[0].subject.startswith("Välkommen till")
