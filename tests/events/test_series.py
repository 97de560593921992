"""Occurrences of the monthly morning meeting and other series, generated from their RRULE."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.exceptions import ValidationError

from events.models import Event, EventSeries
from events.series import generate_occurrences, keep_series_generated, validate_rrule
from tests.helpers import run_concurrently

HELSINKI = ZoneInfo("Europe/Helsinki")
MORNING_MEETING_RULE = "FREQ=MONTHLY;BYDAY=-1TU;BYMONTH=1,2,3,4,5,8,9,10,11,12"


@pytest.fixture
def morning_meeting(db):
    return EventSeries.objects.create(
        title_fi="Hyvinvoinnin aamu",
        title_sv="Välfärdsmorgon",
        title_en="Health and wellbeing morning",
        rrule=MORNING_MEETING_RULE,
        starts_on=dt.date(2024, 1, 1),
        start_time=dt.time(8, 15),
        duration_minutes=40,
        kind=Event.Kind.MORNING_MEETING,
        format=Event.Format.ONLINE,
        online_url="https://teams.example.org/hyte-morning",
    )


def local(event):
    start, end = event.start.astimezone(HELSINKI), event.end.astimezone(HELSINKI)
    return start.date().isoformat(), start.strftime("%H:%M"), end.strftime("%H:%M")


@time_machine.travel("2026-03-01 12:00:00+02:00", tick=False)
def test_next_occurrences_fall_on_the_last_tuesday_and_skip_the_summer(morning_meeting):
    created = generate_occurrences(series=morning_meeting, count=5)
    assert [local(e) for e in created] == [
        ("2026-03-31", "08:15", "08:55"),
        ("2026-04-28", "08:15", "08:55"),
        ("2026-05-26", "08:15", "08:55"),
        ("2026-08-25", "08:15", "08:55"),
        ("2026-09-29", "08:15", "08:55"),
    ]


@time_machine.travel("2026-02-01 12:00:00+02:00", tick=False)
def test_occurrences_keep_local_time_across_the_daylight_saving_change(morning_meeting):
    february, march = generate_occurrences(series=morning_meeting, count=2)
    assert february.start.astimezone(dt.UTC).hour == 6  # 08:15 EET (UTC+2)
    assert march.start.astimezone(dt.UTC).hour == 5  # 08:15 EEST (UTC+3), after 29 March
    assert local(february)[1] == local(march)[1] == "08:15"


@time_machine.travel("2026-03-01 12:00:00+02:00", tick=False)
def test_occurrences_copy_the_series_defaults_in_every_language(morning_meeting):
    [event] = generate_occurrences(series=morning_meeting, count=1)
    assert (event.title_fi, event.title_sv, event.title_en) == (
        "Hyvinvoinnin aamu",
        "Välfärdsmorgon",
        "Health and wellbeing morning",
    )
    assert event.online_url == "https://teams.example.org/hyte-morning"
    assert event.status == Event.Status.PUBLISHED and event.series == morning_meeting
    assert event.slug == "hyvinvoinnin-aamu-2026-03-31"


@time_machine.travel("2026-03-01 12:00:00+02:00", tick=False)
def test_generating_again_creates_nothing_and_keeps_each_occurrences_topic(morning_meeting):
    first = generate_occurrences(series=morning_meeting, count=3)
    first[0].title_en = "Preventing falls"
    first[0].save()
    [august] = generate_occurrences(series=morning_meeting, count=4)
    assert local(august)[0] == "2026-08-25"
    assert Event.objects.count() == 4
    assert Event.objects.get(pk=first[0].pk).title_en == "Preventing falls"
    assert generate_occurrences(series=morning_meeting, count=4) == []


@time_machine.travel("2026-06-10 12:00:00+03:00", tick=False)
def test_beat_job_keeps_the_next_three_months_generated(morning_meeting):
    assert keep_series_generated() == 1  # up to 10 September: June and July have no meeting
    assert keep_series_generated() == 0
    assert [local(e)[0] for e in Event.objects.order_by("start")] == ["2026-08-25"]


def test_an_inactive_series_generates_nothing(morning_meeting):
    morning_meeting.is_active = False
    morning_meeting.save()
    assert generate_occurrences(series=morning_meeting, count=3) == []


@pytest.mark.parametrize(
    "rule",
    [
        "FREQ=FORTNIGHTLY",
        "BYDAY=-1TU",
        "FREQ=MONTHLY;BYDAY=XX",
        "FREQ=HOURLY",
        "DTSTART:20240101T081500\nFREQ=DAILY",
        "",
        "FREQ=MONTHLY;COUNT=abc",
    ],
)
def test_malformed_or_unsafe_rules_are_refused_with_a_message(rule):
    with pytest.raises(ValidationError) as caught:
        validate_rrule(rule)
    assert caught.value.messages


def test_a_valid_rule_passes():
    validate_rrule(MORNING_MEETING_RULE)
    validate_rrule("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=2TH")


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_concurrent_generation_never_duplicates_an_occurrence(morning_meeting):
    _results, errors = run_concurrently([lambda: generate_occurrences(series=morning_meeting, count=6)] * 6)
    assert errors == []
    assert Event.objects.filter(series=morning_meeting).count() == 6


@time_machine.travel("2026-03-01 12:00:00+02:00", tick=False)
def test_staff_generate_the_next_occurrences_from_the_admin(staff_client, morning_meeting):
    data = {"action": "generate_next", "_selected_action": [morning_meeting.pk], "confirm": "yes", "count": "3"}
    response = staff_client.post("/admin/events/eventseries/", data)
    assert response.status_code == 302
    assert [local(e)[0] for e in Event.objects.order_by("start")] == ["2026-03-31", "2026-04-28", "2026-05-26"]
    staff_client.post("/admin/events/eventseries/", data)
    assert Event.objects.count() == 3


@time_machine.travel("2026-06-10 12:00:00+03:00", tick=False)
def test_the_beat_task_keeps_the_series_generated(morning_meeting):
    from events.tasks import generate_upcoming_occurrences

    assert generate_upcoming_occurrences.delay(3).get() == 1
    assert generate_upcoming_occurrences.delay(3).get() == 0
