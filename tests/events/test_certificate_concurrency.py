"""Two beat runs at once (a retried task, two beat processes) issue each certificate once: real threads on
PostgreSQL. The enrolment row locks and the one-to-one row hold it; the audit counts add up to what was issued."""

import pytest
from django.db.models import IntegerField, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from audit.models import AuditEntry
from events import services
from events.models import Certificate, Event, SessionAttendance
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.helpers import in_days, run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

PARTICIPANTS = 8
RUNS = 6


def test_simultaneous_runs_of_the_certificate_task_issue_each_certificate_once():
    event = EventFactory(start=in_days(-30), end=in_days(-1), completion_rule=Event.CompletionRule.ALL_SESSIONS)
    session = EventSessionFactory(event=event, start=event.start, end=event.end)
    for enrollment in EnrollmentFactory.create_batch(PARTICIPANTS, event=event):
        SessionAttendance.objects.create(session=session, enrollment=enrollment)
    results, errors = run_concurrently([services.issue_due_certificates for _run in range(RUNS)])
    assert errors == []
    assert sum(results) == PARTICIPANTS
    assert Certificate.objects.count() == PARTICIPANTS
    counts = AuditEntry.objects.filter(action="certificate.issued").annotate(
        issued=Cast(KT("details__count"), IntegerField())
    )
    assert counts.aggregate(total=Sum("issued"))["total"] == PARTICIPANTS
