"""The demo data holds a finished coaching group with certificates and a group in progress open for check-in."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from events.models import Certificate, CheckinCode, Event, SessionAttendance
from events.selectors import checkin_open

pytestmark = pytest.mark.django_db


def test_demo_has_a_finished_course_with_certificates_and_one_in_progress(capsys):
    call_command("seed_demo")
    finished = Event.objects.get(slug="kehittajavalmennus-syksy-demo")
    certificates = Certificate.objects.filter(enrollment__event=finished)
    holders = set(certificates.values_list("enrollment__user__email", flat=True))
    assert holders == {"member@example.org", "valmennettava.aalto@example.org", "deltagare.berg@example.org"}
    running = Event.objects.get(slug="kehittajavalmennus-kevat-demo")
    sessions = list(running.sessions.all())
    assert sessions[0].end < timezone.now() < sessions[-1].start
    assert SessionAttendance.objects.filter(session=sessions[0]).count() == 3
    assert checkin_open(running, sessions)
    assert CheckinCode.objects.filter(event=running).count() == 4
    assert not Certificate.objects.filter(enrollment__event=running).exists()
