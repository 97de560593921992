import datetime as dt

import pytest

from hyte_portal.celery import app as celery_app
from tests.events.factories import EventFactory
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def tasks_run_inline():
    """Most event tests check what the e-mail task sends, so they run tasks inline even when REDIS_URL is set.

    tests/events/test_worker.py runs the same tasks through Redis and a real Celery worker instead.
    """
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = eager


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Members made by the factories need not have their passwords hashed the slow, safe way."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run transaction.on_commit callbacks (the e-mail tasks) as a committed transaction would."""

    def capture():
        return django_capture_on_commit_callbacks(execute=True)

    return capture


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
