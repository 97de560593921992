"""Calendar files (RFC 5545) for events: the public download, e-mail attachments and a member's personal feed.

Times are written in Helsinki time (TZID=Europe/Helsinki) with icalendar's VTIMEZONE for that zone, drawn from the
time-zone database. A course writes one VEVENT per session. The online meeting link goes into a file only when
`with_online_link` is set: for confirmed participants. A UID names the event and settings.CALENDAR_UID_DOMAIN, so
it survives a move of the site; SEQUENCE is the event's revision, which grows when staff change the time, format
or place, so that calendar programs replace their copy.
"""

import datetime as dt
import functools
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Timezone, vCalAddress
from icalendar import Event as VEvent

from .models import Event

HELSINKI = ZoneInfo("Europe/Helsinki")
PRODID = "-//HYTE portal//Events//FI"


def ics_mimetype(*, cancelled: bool = False) -> str:
    """The type of a calendar attachment. No charset here: Django's MIME text part adds the one charset itself."""
    return f"text/calendar; method={'CANCEL' if cancelled else 'PUBLISH'}"


def ics_filename(event: Event) -> str:
    return f"{event.slug}.ics"


def _uid(name: str) -> str:
    return f"{name}@{settings.CALENDAR_UID_DOMAIN}"


def _organizer() -> vCalAddress | None:
    """The unit that runs the events, from DEFAULT_FROM_EMAIL ("HYTE <hyte@example.org>": CN=HYTE)."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    if not address:
        return None
    organizer = vCalAddress(f"mailto:{address}")
    if name:
        organizer.params["CN"] = name
    return organizer


@functools.cache
def helsinki_timezone() -> Timezone:
    """icalendar's VTIMEZONE of Europe/Helsinki, from the time-zone database (its default span, 1970-2038), built
    once per process as icalendar advises; every file carries this same one.

    Its RDATE lists are written one date per line: vobject keeps only the first date of a list, and would put
    events after that year's change an hour off.
    """
    zone = Timezone.from_tzinfo(HELSINKI, tzid="Europe/Helsinki")
    for transition in zone.subcomponents:
        rdates = transition.pop("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            for value in rdate.dts:
                transition.add("RDATE", value.dt)
    return zone


def _local(value: dt.datetime) -> dt.datetime:
    return timezone.localtime(value, HELSINKI)


def _vevents(event: Event, *, with_online_link: bool, cancelled: bool, tentative: bool = False):
    sessions = list(event.sessions.all())
    parts = [
        (f"event-{event.pk}-session-{s.pk}", f"{event.title}: {s.title}", s.start, s.end, s.venue) for s in sessions
    ]
    if not parts:
        parts = [(f"event-{event.pk}", event.title, event.start, event.end, event.venue)]
    url = settings.SITE_URL + event.get_absolute_url()
    organizer = _organizer() if event.status != Event.Status.DRAFT else None
    for uid, summary, start, end, venue in parts:
        vevent = VEvent()
        vevent.add("uid", _uid(uid))
        vevent.add("dtstamp", timezone.now().astimezone(dt.UTC))
        vevent.add("dtstart", _local(start))
        vevent.add("dtend", _local(end))
        vevent.add("summary", summary)
        vevent.add("sequence", event.revision)
        vevent.add("url", url)
        if organizer is not None:
            vevent.add("organizer", organizer)
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
    """A calendar holding the given events (each with its sessions).

    `with_online_link` and `tentative` are each a flag for every event, or a function of the event.
    """
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
        waiting = tentative(event) if callable(tentative) else tentative
        for vevent in _vevents(event, with_online_link=link, cancelled=cancelled, tentative=waiting):
            calendar.add_component(vevent)
    return calendar


def event_ics(event: Event, *, with_online_link=False, cancelled=False, tentative=False) -> bytes:
    """The .ics of one event: for the public download and for e-mail attachments (tentative: waitlisted)."""
    return calendar_for([event], with_online_link=with_online_link, cancelled=cancelled, tentative=tentative).to_ical()


def public_feed(events, *, name: str) -> bytes:
    """A public calendar subscription (all public events, or a network's): never an online meeting link."""
    return calendar_for(events, with_online_link=False, name=name).to_ical()
