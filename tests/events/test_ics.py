"""Calendar files, read back by two independent parsers: icalendar and vobject."""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
import vobject

from events import services
from tests.events.factories import EventFactory, EventSessionFactory

pytestmark = pytest.mark.django_db

HELSINKI = ZoneInfo("Europe/Helsinki")


@pytest.fixture(autouse=True)
def calendar_uid_domain(settings):
    """UIDs end in the CALENDAR_UID_DOMAIN setting (not SITE_URL's host); pinned to the one these tests expect."""
    settings.CALENDAR_UID_DOMAIN = "127.0.0.1"


@pytest.fixture
def morning_meeting():
    return EventFactory(
        slug="morning-meeting-2027-03-30",
        title_fi="Aamukahvit: kaatumisten ehkäisy",
        title_en="Morning meeting: preventing falls",
        start=dt.datetime(2027, 3, 30, 8, 15, tzinfo=HELSINKI),
        end=dt.datetime(2027, 3, 30, 8, 55, tzinfo=HELSINKI),
        online_url="https://teams.example.org/hyte-morning",
    )


def download(client, event, language="fi"):
    response = client.get(f"/{language}/events/{event.slug}/calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return response.content


def test_icalendar_reads_uid_times_in_helsinki_summary_and_url(client, morning_meeting):
    calendar = icalendar.Calendar.from_ical(download(client, morning_meeting))
    [vevent] = calendar.walk("VEVENT")
    [zone] = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Helsinki"
    assert str(vevent["UID"]) == f"event-{morning_meeting.pk}@127.0.0.1"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Helsinki"
    assert vevent.decoded("DTSTART") == dt.datetime(2027, 3, 30, 8, 15, tzinfo=HELSINKI)
    assert vevent.decoded("DTEND").utcoffset() == dt.timedelta(hours=3)  # summer time began two days before
    assert str(vevent["SUMMARY"]) == "Aamukahvit: kaatumisten ehkäisy"
    assert str(vevent["URL"]).endswith(f"/fi/events/{morning_meeting.slug}/")


def test_vobject_reads_the_same_file_with_the_same_instants(client, morning_meeting):
    parsed = vobject.readOne(download(client, morning_meeting, "en").decode())
    vevent = parsed.vevent
    assert vevent.uid.value == f"event-{morning_meeting.pk}@127.0.0.1"
    assert vevent.dtstart.value == dt.datetime(2027, 3, 30, 5, 15, tzinfo=dt.UTC)
    assert vevent.dtstart.value.utcoffset() == dt.timedelta(hours=3)
    assert vevent.dtend.value == dt.datetime(2027, 3, 30, 5, 55, tzinfo=dt.UTC)
    assert vevent.summary.value == "Morning meeting: preventing falls"
    assert vevent.url.value.endswith(f"/en/events/{morning_meeting.slug}/")


def test_winter_event_is_written_in_eastern_european_time(client):
    event = EventFactory(
        start=dt.datetime(2026, 11, 24, 8, 15, tzinfo=HELSINKI), end=dt.datetime(2026, 11, 24, 8, 55, tzinfo=HELSINKI)
    )
    content = download(client, event)
    assert b"DTSTART;TZID=Europe/Helsinki:20261124T081500" in content
    assert vobject.readOne(content.decode()).vevent.dtstart.value.utcoffset() == dt.timedelta(hours=2)


def test_public_file_has_no_online_link_but_a_confirmed_participants_file_does(
    client, member_client, user, morning_meeting
):
    assert b"teams.example.org" not in download(client, morning_meeting)
    services.enroll(event=morning_meeting, user=user)
    calendar = icalendar.Calendar.from_ical(download(member_client, morning_meeting))
    [vevent] = calendar.walk("VEVENT")
    assert "https://teams.example.org/hyte-morning" in str(vevent["LOCATION"])


def test_onsite_event_has_its_venue_as_location(client):
    event = EventFactory(format="onsite", venue_fi="Kokoustila Aurora, Helsinki", online_url="")
    [vevent] = icalendar.Calendar.from_ical(download(client, event)).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "Kokoustila Aurora, Helsinki"


def test_a_course_has_one_calendar_entry_per_session(client):
    course = EventFactory(kind="coaching_session", title_fi="Kehittäjävalmennus")
    sessions = [EventSessionFactory(event=course, title_fi=f"Jakso {n}") for n in (1, 2, 3)]
    parsed = vobject.readOne(download(client, course).decode())
    summaries = [vevent.summary.value for vevent in parsed.vevent_list]
    assert summaries == [f"Kehittäjävalmennus: Jakso {n}" for n in (1, 2, 3)]
    assert len({vevent.uid.value for vevent in parsed.vevent_list}) == len(sessions)


def only_vevent(client, event):
    [vevent] = icalendar.Calendar.from_ical(download(client, event)).walk("VEVENT")
    return vevent


def test_sequence_is_the_revision_that_grows_when_staff_move_the_event(client, morning_meeting):
    assert only_vevent(client, morning_meeting)["SEQUENCE"] == 0
    services.notify_event_changed(event=morning_meeting, changed_fields=["start", "end"])
    assert only_vevent(client, morning_meeting)["SEQUENCE"] == 1
    services.notify_event_changed(event=morning_meeting, changed_fields=["venue_sv"])
    assert only_vevent(client, morning_meeting)["SEQUENCE"] == 2
    services.notify_event_changed(event=morning_meeting, changed_fields=["description_fi", "capacity"])
    assert only_vevent(client, morning_meeting)["SEQUENCE"] == 2


def test_cancelling_the_event_raises_its_sequence(client, morning_meeting):
    services.cancel_event(event=morning_meeting, by=None)
    vevent = only_vevent(client, morning_meeting)
    assert vevent["SEQUENCE"] == 1 and str(vevent["STATUS"]) == "CANCELLED"


def test_a_published_event_names_the_unit_as_its_organizer(client, morning_meeting, settings):
    settings.DEFAULT_FROM_EMAIL = "HYTE-yksikkö <hyte@hus.example.org>"
    organizer = only_vevent(client, morning_meeting)["ORGANIZER"]
    assert str(organizer) == "mailto:hyte@hus.example.org"
    assert organizer.params["CN"] == "HYTE-yksikkö"
    assert vobject.readOne(download(client, morning_meeting).decode()).vevent.organizer.value == str(organizer)


def test_uids_stay_the_same_when_the_site_moves(client, morning_meeting, settings):
    before = str(only_vevent(client, morning_meeting)["UID"])
    settings.SITE_URL = "https://hyte.hus.example.org"
    after = only_vevent(client, morning_meeting)
    assert str(after["UID"]) == before
    assert str(after["URL"]).startswith("https://hyte.hus.example.org/")


def test_the_time_zone_comes_from_the_time_zone_database_and_covers_the_event(client, morning_meeting):
    [zone] = icalendar.Calendar.from_ical(download(client, morning_meeting)).walk("VTIMEZONE")
    assert zone.to_tz().utcoffset(dt.datetime(2027, 7, 1, 12)) == dt.timedelta(hours=3)
    assert zone.to_tz().utcoffset(dt.datetime(2027, 12, 1, 12)) == dt.timedelta(hours=2)
