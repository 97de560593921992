"""The e-mail path for real: the task goes through Redis to a Celery worker, which sends the confirmation."""

import pytest
from django.core import mail

from events import services
from hyte_portal.celery import app as celery_app
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import wait_until

pytestmark = [pytest.mark.redis, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker():
    from celery.contrib.testing.worker import start_worker

    celery_app.conf.task_always_eager = False
    celery_app.control.purge()
    with start_worker(celery_app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as running:
        yield running


def wait_for_mail(count, timeout=20):
    wait_until(lambda: len(mail.outbox) >= count, timeout=timeout)
    return mail.outbox


def test_enrolment_confirmation_travels_through_redis_and_a_worker(worker):
    member = UserFactory(preferred_language="en")
    event = EventFactory(capacity=1)
    services.enroll(event=event, user=member)  # committed at once: the task is queued on commit
    [message] = wait_for_mail(1)
    assert message.to == [member.email] and message.subject == f"Enrolment confirmed: {event.title_en}"
    assert message.attachments[0][0].endswith(".ics")
