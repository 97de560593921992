"""Many simultaneous check-ins of one participant to one session leave exactly one attendance row: real threads,
each with its own PostgreSQL connection. The unique constraint is what holds it, as the control without it shows."""

import datetime as dt
import time

import pytest
from django.db import connection
from django.utils import timezone

from events import services
from events.models import Enrollment, SessionAttendance
from events.services import checkin
from events.services.checkin import codes_for
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.helpers import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TAPS = 12


@pytest.fixture
def running_session():
    now = timezone.now()
    event = EventFactory(start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=5))
    session = EventSessionFactory(event=event, start=event.start, end=event.end)
    enrollment = EnrollmentFactory(event=event)
    [(_session, code)] = codes_for(event)
    return event, session, enrollment, code.code


@pytest.fixture
def slow_existence_check(monkeypatch):
    """Widen the gap between "not checked in yet" and the insert, as a busy server would."""
    exists = checkin._attendance_exists

    def slow(*args):
        found = exists(*args)
        time.sleep(0.1)
        return found

    monkeypatch.setattr(checkin, "_attendance_exists", slow)


def tap_many_times(event, enrollment, code):
    user = enrollment.user
    return run_concurrently([lambda: services.check_in(event=event, user=user, code=code) for _tap in range(TAPS)])


def test_simultaneous_check_ins_of_one_participant_leave_one_attendance(running_session, slow_existence_check):
    event, session, enrollment, code = running_session
    results, errors = tap_many_times(event, enrollment, code)
    assert errors == []
    assert SessionAttendance.objects.filter(session=session, enrollment=enrollment).count() == 1
    assert sorted(result.already for result in results) == [False] + [True] * (TAPS - 1)
    assert Enrollment.objects.get(pk=enrollment.pk).attended


@pytest.fixture
def without_the_unique_constraint():
    """Drop SessionAttendance's unique constraint for one test, and put it back (after clearing the duplicates)."""
    [constraint] = [c for c in SessionAttendance._meta.constraints if c.name == "events_attended_session_once"]
    with connection.schema_editor() as editor:
        editor.remove_constraint(SessionAttendance, constraint)
    yield
    SessionAttendance.objects.all().delete()
    with connection.schema_editor() as editor:
        editor.add_constraint(SessionAttendance, constraint)


def test_control_without_the_constraint_the_same_race_writes_duplicates(
    running_session, slow_existence_check, without_the_unique_constraint
):
    event, session, enrollment, code = running_session
    results, errors = tap_many_times(event, enrollment, code)
    assert errors == []
    assert SessionAttendance.objects.filter(session=session, enrollment=enrollment).count() > 1
