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
def full_event(db):
    """A published event with one seat, taken."""
    event = EventFactory(capacity=1)
    from events.services import enroll

    enroll(event=event, user=UserFactory(first_name="Taken"))
    return event
