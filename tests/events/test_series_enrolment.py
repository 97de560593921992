"""Enrolling in a whole series: every coming date at once, new dates as they are generated, one e-mail with one
calendar file, dropping a date, leaving the series."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import translation
from icalendar import Calendar

from events import services
from events.models import Enrollment, Event, EventSeries, SeriesSubscription
from events.series import generate_occurrences
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def morning_series(**fields):
    return EventSeries.objects.create(
        **{
            "title_fi": "Hyvinvoinnin aamu",
            "title_en": "Health and wellbeing morning",
            "rrule": "FREQ=WEEKLY",
            "starts_on": dt.date.today() - dt.timedelta(days=30),
            "start_time": dt.time(8, 15),
            "duration_minutes": 40,
            "kind": Event.Kind.MORNING_MEETING,
            "format": Event.Format.ONLINE,
            "online_url": "https://teams.example.org/hyte-morning",
        }
        | fields
    )


def occurrences(series, count=3):
    return generate_occurrences(series=series, count=count)


def test_enrolling_in_a_series_enrols_in_every_coming_date_with_one_email_and_one_calendar(on_commit):
    series = morning_series()
    dates = occurrences(series, 3)
    EventFactory(series=series, start=in_days(-7), end=in_days(-7, 1), slug="past-one")  # over: left alone
    user = UserFactory(preferred_language="en")
    mail.outbox.clear()
    with on_commit():
        enrolled = services.subscribe_to_series(series=series, user=user)
    assert sorted(e.event_id for e in enrolled) == sorted(e.pk for e in dates)
    assert {e.status for e in enrolled} == {"confirmed"}
    [email] = mail.outbox
    assert email.subject == "Enrolled in the series: Health and wellbeing morning"
    assert email.body.count("/events/release/") == 3
    calendar = Calendar.from_ical(email.attachments[0][1])
    assert len([c for c in calendar.walk("VEVENT")]) == 3


def test_a_newly_generated_date_enrols_the_subscribers_respecting_capacity():
    series = morning_series(capacity=1)
    first, second = UserFactory(), UserFactory()
    services.subscribe_to_series(series=series, user=first)
    services.subscribe_to_series(series=series, user=second)
    [new_date] = occurrences(series, 1)
    statuses = dict(Enrollment.objects.filter(event=new_date).values_list("user_id", "status"))
    assert statuses == {first.pk: "confirmed", second.pk: "waitlisted"}
    new_date.refresh_from_db()
    assert new_date.confirmed_online_count == 1


def test_dropping_one_date_frees_the_seat_for_the_next_and_keeps_the_others():
    series = morning_series(capacity=1)
    dates = occurrences(series, 2)
    member = UserFactory()
    services.subscribe_to_series(series=series, user=member)
    waiting = services.enroll(event=dates[0], user=UserFactory())
    services.drop_series_date(event=dates[0], user=member)
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert Enrollment.objects.get(event=dates[1], user=member).status == "confirmed"
    assert SeriesSubscription.objects.get(user=member).is_active


def test_dropping_a_date_of_a_series_one_is_not_in_is_refused_and_changes_nothing():
    series = morning_series()
    [date] = occurrences(series, 1)
    member = UserFactory()
    services.enroll(event=date, user=member)  # enrolled in the date alone, not in the series
    with pytest.raises(services.EnrollmentError, match="You are not enrolled in this series."):
        services.drop_series_date(event=date, user=member)
    assert Enrollment.objects.get(event=date, user=member).status == "confirmed"
    with pytest.raises(services.EnrollmentError, match="not part of a series"):
        services.drop_series_date(event=EventFactory(), user=member)


def test_leaving_the_series_cancels_the_coming_dates_and_stops_new_ones():
    series = morning_series()
    occurrences(series, 2)
    member = UserFactory()
    services.subscribe_to_series(series=series, user=member)
    assert services.leave_series(series=series, user=member) == 2
    [later] = occurrences(series, 3)[-1:]
    assert not Enrollment.objects.filter(user=member).exclude(status="cancelled").exists()
    assert not Enrollment.objects.filter(event=later, user=member).exists()
    with pytest.raises(services.EnrollmentError, match="You are not enrolled in this series."):
        services.leave_series(series=series, user=member)


def test_the_personal_feed_lists_every_date_of_the_series(member_client, user):
    series = morning_series()
    occurrences(series, 3)
    services.subscribe_to_series(series=series, user=user)
    services.renew_calendar_feed(user=user)
    feed = Calendar.from_ical(member_client.get(user.calendar_feed.get_absolute_url()).content)
    assert len(list(feed.walk("VEVENT"))) == 3


def test_from_the_event_page_and_my_page(member_client, user):
    series = morning_series()
    dates = occurrences(series, 2)
    page = member_client.get(f"/en/events/{dates[0].slug}/").content.decode()
    assert "Enrol in all coming meetings" in page
    response = member_client.post(f"/en/events/{dates[0].slug}/series/enrol/", follow=True)
    assert "You are enrolled in 2 coming dates of the series" in response.content.decode()
    my_page = member_client.get("/en/me/").content.decode()
    assert my_page.count("Drop the date") == 2
    response = member_client.post(f"/en/events/{dates[1].slug}/drop-date/", follow=True)
    assert "is dropped; you stay enrolled in the others." in response.content.decode()
    assert Enrollment.objects.get(event=dates[1], user=user).status == "cancelled"
    response = member_client.post(f"/en/events/{dates[1].slug}/drop-date/", follow=True)
    assert "You are not enrolled in this date of the series." in response.content.decode()
    response = member_client.post(f"/en/events/{dates[0].slug}/series/leave/", follow=True)
    assert "You have left the series; 1 coming date was cancelled." in response.content.decode()


def test_dropping_a_date_of_a_plain_event_from_the_page_is_a_message(member_client):
    event = EventFactory()
    response = member_client.post(f"/en/events/{event.slug}/drop-date/", follow=True)
    assert "This event is not part of a series." in response.content.decode()
