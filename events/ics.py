"""Calendar files (RFC 5545) for events, e-mail attachments and a member's personal feed.

Times are written in local Helsinki time with TZID=Europe/Helsinki and a compact VTIMEZONE that states the EU
daylight saving rule, as Outlook and Google Calendar write theirs. A course writes one VEVENT per session.
The online meeting link goes into a file only when `with_online_link` is set: for confirmed participants.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as VEvent

from .models import Event

TZID = "Europe/Helsinki"
HELSINKI = ZoneInfo(TZID)
PRODID = "-//HYTE portal//Events//FI"


def _host() -> str:
    return settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "hyte.example.org"


def helsinki_timezone() -> Timezone:
    """VTIMEZONE for Europe/Helsinki: EET (+02:00), EEST (+03:00) from the last Sunday of March to October."""
    zone = Timezone()
    zone.add("tzid", TZID)
    standard = TimezoneStandard()
    standard.add("tzname", "EET")
    standard.add("dtstart", dt.datetime(1996, 10, 27, 4, 0))
    standard.add("tzoffsetfrom", dt.timedelta(hours=3))
    standard.add("tzoffsetto", dt.timedelta(hours=2))
    standard.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    daylight = TimezoneDaylight()
    daylight.add("tzname", "EEST")
    daylight.add("dtstart", dt.datetime(1981, 3, 29, 3, 0))
    daylight.add("tzoffsetfrom", dt.timedelta(hours=2))
    daylight.add("tzoffsetto", dt.timedelta(hours=3))
    daylight.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    zone.add_component(standard)
    zone.add_component(daylight)
    return zone


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value, HELSINKI)


def _event_url(event: Event) -> str:
    return settings.SITE_URL + event.get_absolute_url()


def _vevents(event: Event, *, with_online_link: bool, sequence: int, cancelled: bool, tentative: bool = False):
    sessions = list(event.sessions.all())
    parts = [
        (f"event-{event.pk}-session-{s.pk}", f"{event.title}: {s.title}", s.start, s.end, s.venue) for s in sessions
    ]
    if not parts:
        parts = [(f"event-{event.pk}", event.title, event.start, event.end, event.venue)]
    url = _event_url(event)
    for uid, summary, start, end, venue in parts:
        vevent = VEvent()
        vevent.add("uid", f"{uid}@{_host()}")
        vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
        vevent.add("dtstart", _local(start))
        vevent.add("dtend", _local(end))
        vevent.add("summary", summary)
        vevent.add("sequence", sequence)
        vevent.add("url", url)
        location = venue or ""
        if with_online_link and event.online_url:
            location = f"{location} / {event.online_url}" if location else event.online_url
        if location:
            vevent.add("location", location)
        description = [event.summary] if event.summary else []
        if with_online_link and event.online_url:
            description.append(event.online_url)
        description.append(url)
        vevent.add("description", "\n\n".join(description))
        if cancelled or event.status == Event.Status.CANCELLED:
            vevent.add("status", "CANCELLED")
        else:
            vevent.add("status", "TENTATIVE" if tentative else "CONFIRMED")
        if event.updated_at:
            vevent.add("last-modified", event.updated_at.astimezone(dt.UTC))
        yield vevent


def calendar_for(events, *, with_online_link=False, cancelled=False, tentative=False, name: str = "") -> Calendar:
    """A calendar holding the given events (each with its sessions)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add_component(helsinki_timezone())
    for event in events:
        link = with_online_link(event) if callable(with_online_link) else with_online_link
        # SEQUENCE must grow when the event changes; the time of the last change in seconds always does.
        sequence = int(event.updated_at.timestamp()) if event.updated_at else 0
        for vevent in _vevents(
            event, with_online_link=link, sequence=sequence, cancelled=cancelled, tentative=tentative
        ):
            calendar.add_component(vevent)
    return calendar


def event_ics(event: Event, *, with_online_link=False, cancelled=False, tentative=False) -> bytes:
    """The .ics of one event: for the public download and for e-mail attachments (tentative: waitlisted)."""
    return calendar_for([event], with_online_link=with_online_link, cancelled=cancelled, tentative=tentative).to_ical()


def ics_filename(event: Event) -> str:
    return f"{event.slug}.ics"
