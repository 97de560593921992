"""Event reminders: Celery beat runs send_due_reminders every 5 minutes; each reminder goes out exactly once."""

import datetime as dt
from collections import Counter

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from events import reminders
from events.models import Enrollment, Event, ReminderDelivery
from events.tasks import send_due_reminders
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.helpers import wait_until

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 12, 8, 8, 15, tzinfo=dt.UTC)


def run_beat(start, end, step=dt.timedelta(minutes=5)):
    """Run the beat task at every tick from start to end, in travelled time."""
    moment = start
    while moment <= end:
        with time_machine.travel(moment, tick=False):
            send_due_reminders.apply().get()
        moment += step


def sent_reminders():
    """(recipient, kind) of each reminder in the outbox, read from the subject."""
    kinds = []
    for message in mail.outbox:
        kind = (
            "hour_before"
            if message.subject.startswith(("Alkaa pian", "Starting soon", "Börjar snart"))
            else "day_before"
        )
        kinds.append((message.to[0], kind))
    return Counter(kinds)


def enrolments_for(event):
    return {
        status: EnrollmentFactory(event=event, status=status, user=UserFactory(preferred_language="en"))
        for status in (Enrollment.Status.CONFIRMED, Enrollment.Status.WAITLISTED, Enrollment.Status.CANCELLED)
    }


def test_beat_around_events_sends_each_reminder_once_to_confirmed_participants_only():
    with time_machine.travel(START - dt.timedelta(days=10)):
        online = EventFactory(start=START, format=Event.Format.ONLINE, online_url="https://meet.example.org/x")
        onsite = EventFactory(
            start=START + dt.timedelta(hours=2), format=Event.Format.ONSITE, venue_fi="Sali 1", online_url=""
        )
        at_online = enrolments_for(online)
        at_onsite = enrolments_for(onsite)
        second_online = EnrollmentFactory(event=online)

    run_beat(START - dt.timedelta(days=2), START + dt.timedelta(hours=3))

    confirmed_online = [at_online["confirmed"].user.email, second_online.user.email]
    expected = Counter(
        {(email, kind): 1 for email in confirmed_online for kind in ("day_before", "hour_before")}
        | {(at_onsite["confirmed"].user.email, "day_before"): 1}
    )
    assert sent_reminders() == expected
    assert ReminderDelivery.objects.filter(sent_at__isnull=True).count() == 0


def test_the_hour_before_reminder_carries_the_meeting_link_in_the_members_language():
    with time_machine.travel(START - dt.timedelta(days=10)):
        event = EventFactory(start=START, format=Event.Format.HYBRID, online_url="https://meet.example.org/hyte")
        enrolment = EnrollmentFactory(event=event, user=UserFactory(preferred_language="sv"))
    run_beat(START - dt.timedelta(minutes=59), START - dt.timedelta(minutes=50))
    [message] = mail.outbox
    assert message.to == [enrolment.user.email]
    assert message.subject == f"Börjar snart: {event.title_sv}"
    assert "https://meet.example.org/hyte" in message.body
    assert "https://meet.example.org/hyte" in message.alternatives[0][0]


def test_enrolling_the_day_before_still_gets_exactly_one_reminder():
    with time_machine.travel(START - dt.timedelta(days=10)):
        event = EventFactory(start=START, format=Event.Format.ONSITE, online_url="")
    with time_machine.travel(START - dt.timedelta(hours=20)):
        EnrollmentFactory(event=event)
    run_beat(START - dt.timedelta(hours=20), START + dt.timedelta(hours=1))
    assert len(mail.outbox) == 1


def test_no_reminders_for_drafts_or_cancelled_events():
    with time_machine.travel(START - dt.timedelta(days=10)):
        for status in (Event.Status.DRAFT, Event.Status.CANCELLED):
            EnrollmentFactory(event=EventFactory(start=START, status=status))
    run_beat(START - dt.timedelta(days=1, minutes=5), START)
    assert mail.outbox == []


def test_a_cancelled_enrolment_gets_no_later_reminder():
    with time_machine.travel(START - dt.timedelta(days=10)):
        enrolment = EnrollmentFactory(event=EventFactory(start=START, format=Event.Format.ONLINE))
    run_beat(START - dt.timedelta(hours=25), START - dt.timedelta(hours=23))
    assert len(mail.outbox) == 1
    enrolment.status = Enrollment.Status.CANCELLED
    enrolment.save()
    run_beat(START - dt.timedelta(hours=2), START)
    assert len(mail.outbox) == 1


def test_a_claim_left_by_a_crashed_run_is_retried_once():
    with time_machine.travel(START - dt.timedelta(days=10)):
        enrolment = EnrollmentFactory(event=EventFactory(start=START, format=Event.Format.ONSITE, online_url=""))
    with time_machine.travel(START - dt.timedelta(hours=20)):
        ReminderDelivery.objects.create(enrollment=enrolment, kind=ReminderDelivery.Kind.DAY_BEFORE)  # never sent
    run_beat(START - dt.timedelta(hours=20), START - dt.timedelta(hours=19))
    assert len(mail.outbox) == 1
    assert ReminderDelivery.objects.get().sent_at is not None


def test_two_overlapping_runs_send_once():
    with time_machine.travel(START - dt.timedelta(days=10)):
        EnrollmentFactory(event=EventFactory(start=START, format=Event.Format.ONSITE, online_url=""))
    with time_machine.travel(START - dt.timedelta(hours=3), tick=False):
        due = reminders.due_reminders()
        assert reminders.send_due_reminders() == 1
        # A second run that read the same due list before the first one claimed it:
        for enrollment_id, kind in due:
            assert reminders.claim(enrollment_id=enrollment_id, kind=kind, now=timezone.now()) is None
    assert len(mail.outbox) == 1


def test_the_management_command_sends_due_reminders(capsys):
    with time_machine.travel(START - dt.timedelta(days=10)):
        EnrollmentFactory(event=EventFactory(start=START, format=Event.Format.ONSITE, online_url=""))
    with time_machine.travel(START - dt.timedelta(hours=3)):
        call_command("send_due_reminders")
        call_command("send_due_reminders")
    assert "1 reminder(s) sent." in capsys.readouterr().out
    assert len(mail.outbox) == 1


@pytest.mark.redis
@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_beat_task_on_a_real_worker_mails_one_reminder_through_smtp(request):
    """Enrol in an event starting tomorrow: the worker sends exactly one reminder, however often beat runs."""
    from celery.contrib.testing.worker import start_worker

    from hyte_portal.celery import app

    sink = request.getfixturevalue("smtp_backend")

    enrolment = EnrollmentFactory(
        event=EventFactory(start=timezone.now() + dt.timedelta(hours=20), format=Event.Format.ONSITE, online_url="")
    )
    app.control.purge()
    with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=30):
        for _ in range(3):
            send_due_reminders.delay()
        with app.connection_for_write() as broker:
            redis = broker.default_channel.client
            # Done when no run is queued, or taken and not yet acknowledged.
            finished = wait_until(lambda: not (redis.llen("celery") or redis.hlen("unacked")), timeout=60)
            assert finished, "the worker did not finish the reminder runs"
    [message] = sink.messages_to(enrolment.user.email)
    assert message["Subject"].startswith("Muistutus: ") and message["Subject"].endswith(" huomenna")
    assert ReminderDelivery.objects.get(enrollment=enrolment).sent_at is not None


@pytest.mark.parametrize(
    ("sent_before", "subject"),
    [(dt.timedelta(hours=23), "Reminder: Event tomorrow"), (dt.timedelta(hours=2), "Reminder: Event today")],
)
def test_the_day_before_reminder_says_today_or_tomorrow_as_the_calendar_does(sent_before, subject):
    start = dt.datetime(2026, 12, 8, 10, 0, tzinfo=dt.UTC)  # 12:00 in Helsinki
    with time_machine.travel(start - dt.timedelta(days=10)):
        EnrollmentFactory(
            event=EventFactory(start=start, format=Event.Format.ONSITE, online_url="", title_en="Event"),
            user=UserFactory(preferred_language="en"),
        )
    with time_machine.travel(start - sent_before, tick=False):
        send_due_reminders.apply()
    [message] = mail.outbox
    assert message.subject == subject
