import pytest

from hyte_portal.celery import app as celery_app


@pytest.fixture
def tasks_inline():
    """Run Celery tasks in the test's own thread, even where REDIS_URL points at a real broker.

    The e-mail path through a real broker and worker has its own test (test_tasks.py, marked redis).
    """
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def staff_client(client, db):
    from tests.factories import UserFactory

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    client.user = admin
    return client
