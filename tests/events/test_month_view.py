"""The events page's month calendar: the month asked for, its events on their days, and a clear answer to a
malformed or far-off month."""

import datetime as dt
import re
import zoneinfo

import pytest
import time_machine

from tests.events.factories import EventFactory
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")


def at(*args):
    return dt.datetime(*args, tzinfo=HELSINKI)


@pytest.fixture(autouse=True)
def december_2026():
    with time_machine.travel(at(2026, 12, 2, 12), tick=False):
        yield


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_month_view_shows_the_events_of_that_month_on_their_days(client):
    EventFactory(title_en="Morning meeting on loneliness", start=at(2026, 12, 29, 8, 15), end=at(2026, 12, 29, 9))
    EventFactory(title_en="January workshop", start=at(2027, 1, 12, 13), end=at(2027, 1, 12, 15))
    response = client.get("/en/events/?view=month&month=2026-12")
    assert response.status_code == 200
    html = text(response)
    assert "Events: December 2026" in html
    day = r'29<span class="day-month">\.12\.</span></span> <ul class="day-events"> <li><time[^>]*>08:15'
    assert re.search(day, html)
    assert "Morning meeting on loneliness" in html and "January workshop" not in html
    assert 'href="?view=month&amp;month=2027-01"' in html and 'href="?view=month&amp;month=2026-11"' in html


def test_month_view_keeps_the_filters_and_past_months_show_past_events(client):
    EventFactory(title_en="Old workshop", kind="development_workshop", start=at(2026, 3, 3, 9), end=at(2026, 3, 3, 11))
    EventFactory(title_en="Old meeting", kind="morning_meeting", start=at(2026, 3, 31, 8), end=at(2026, 3, 31, 9))
    html = text(client.get("/en/events/?view=month&month=2026-03&kind=development_workshop"))
    assert "Old workshop" in html and "Old meeting" not in html
    assert "kind=development_workshop" in re.search(r'href="([^"]*month=2026-04[^"]*)"', html).group(1)


@pytest.mark.parametrize(
    "month, message",
    [
        ("2026-13", "Give the month as year and month, for example 2026-12."),
        ("december", "Give the month as year and month, for example 2026-12."),
        ("9" * 500, "Give the month as year and month, for example 2026-12."),
        ("\x00", "Give the month as year and month, for example 2026-12."),
        ("1900-01", "The calendar covers the months from 2021-12 to 2031-12."),
        ("2099-05", "The calendar covers the months from 2021-12 to 2031-12."),
    ],
)
def test_malformed_or_far_off_month_gets_a_clear_answer_and_the_current_month(client, month, message):
    response = client.get("/en/events/", {"view": "month", "month": month})
    assert response.status_code == 400
    html = text(response)
    assert message in html and "Events: December 2026" in html


def test_calendar_stops_at_the_edges_of_its_range(client):
    html = text(client.get("/en/events/?view=month&month=2031-12"))
    assert "Next month" not in html and "Previous month" in html


def test_month_view_needs_the_same_queries_for_few_and_many_events(client):
    EventFactory(start=at(2026, 12, 10, 9), end=at(2026, 12, 10, 10))
    few = count_queries(client, "/en/events/", {"view": "month", "month": "2026-12"})
    for day in range(1, 28):
        EventFactory(start=at(2026, 12, day, 9), end=at(2026, 12, day, 10))
    assert count_queries(client, "/en/events/", {"view": "month", "month": "2026-12"}) == few <= 4


def test_filters_are_chips_that_mark_the_chosen_one(client):
    html = text(client.get("/en/events/?kind=morning_meeting"))
    assert '<a class="chip" href="?kind=morning_meeting" aria-current="true">Morning meeting</a>' in html
    assert '<a class="chip" href="?">All kinds</a>' in html
    assert '<a class="chip" href="?kind=morning_meeting&amp;format=online">Online</a>' in html
