"""schema.org `Event` data for public event pages (JSON-LD), so that search engines and calendars read the facts.

Only public, published or cancelled events get it. The online meeting link never appears: it is for confirmed
participants only, so an online event's VirtualLocation points to the event's public page, where enrolled
members find the link. Times carry their offset in Helsinki time (+02:00 or +03:00). The property set follows
schema.org's Event type and Google's event guidelines (tests/events/test_jsonld.py checks it).
"""

import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import Audience, Event, EventFormat

HELSINKI = ZoneInfo("Europe/Helsinki")
SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    EventFormat.ONLINE: "OnlineEventAttendanceMode",
    EventFormat.ONSITE: "OfflineEventAttendanceMode",
    EventFormat.HYBRID: "MixedEventAttendanceMode",
}
FEW_SEATS = 5  # fewer free seats than this: LimitedAvailability
# json_script's escapes: no "</script>" or "<!--" can end or change the element, whatever a title holds.
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def has_json_ld(event: Event) -> bool:
    return event.audience == Audience.PUBLIC and event.status in (Event.Status.PUBLISHED, Event.Status.CANCELLED)


def _local_iso(value) -> str:
    return timezone.localtime(value, HELSINKI).isoformat(timespec="seconds")


def availability(event: Event, seats_left: int | None) -> str:
    """InStock with unlimited or many seats, LimitedAvailability with a few, SoldOut when full or cancelled."""
    if event.status == Event.Status.CANCELLED or seats_left == 0:
        return SCHEMA + "SoldOut"
    if seats_left is not None and seats_left < FEW_SEATS:
        return SCHEMA + "LimitedAvailability"
    return SCHEMA + "InStock"


def _locations(event: Event, page_url: str) -> list[dict]:
    places = []
    if event.format in (EventFormat.ONSITE, EventFormat.HYBRID):
        venue = event.venue or _("To be announced")
        places.append({"@type": "Place", "name": venue, "address": venue})
    if event.format in (EventFormat.ONLINE, EventFormat.HYBRID):
        places.append({"@type": "VirtualLocation", "url": page_url})
    return places


def event_data(event: Event, *, seats_left: int | None) -> dict:
    """The JSON-LD object of a public event (in the active language)."""
    page_url = settings.SITE_URL + event.get_absolute_url()
    locations = _locations(event, page_url)
    unit = _("Health and wellbeing promotion team of the primary health care unit, hospital district")
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or event.description[:500],
        "url": page_url,
        "inLanguage": get_language() or settings.LANGUAGE_CODE,
        "startDate": _local_iso(event.start),
        "endDate": _local_iso(event.end),
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODES.get(event.format, "OnlineEventAttendanceMode"),
        "eventStatus": SCHEMA + ("EventCancelled" if event.status == Event.Status.CANCELLED else "EventScheduled"),
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": unit, "url": settings.SITE_URL + "/"},
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": availability(event, seats_left),
            "url": page_url,
        },
        "isAccessibleForFree": True,
    }
    if event.enrollment_opens:
        data["offers"]["validFrom"] = _local_iso(event.enrollment_opens)
    if event.network_id:
        data["about"] = event.network.name
    return data


def json_ld_script(data: dict) -> SafeString:
    """`<script type="application/ld+json">` holding the data: a data block, not a script, so the strict CSP
    (script-src 'self') does not apply to it, and escaped as json_script escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', SafeString(text))
