"""schema.org Event JSON-LD on public event pages, checked against the vocabulary's properties and enumerations.

The expected sets are transcribed from schema.org (Event, Place, VirtualLocation, Organization, Offer and the
enumerations EventStatusType, EventAttendanceModeEnumeration, ItemAvailability) and from Google's event
guidelines for what is required (name, startDate, location) and recommended.
"""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import pytest

from events.models import Event
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db
HELSINKI = ZoneInfo("Europe/Helsinki")

THING = {"name", "description", "url", "image", "sameAs", "identifier", "alternateName", "disambiguatingDescription"}
PROPERTIES = {
    "Event": THING
    | {
        "about",
        "actor",
        "aggregateRating",
        "attendee",
        "audience",
        "composer",
        "contributor",
        "director",
        "doorTime",
        "duration",
        "endDate",
        "eventAttendanceMode",
        "eventSchedule",
        "eventStatus",
        "funder",
        "inLanguage",
        "isAccessibleForFree",
        "keywords",
        "location",
        "maximumAttendeeCapacity",
        "maximumPhysicalAttendeeCapacity",
        "maximumVirtualAttendeeCapacity",
        "offers",
        "organizer",
        "performer",
        "previousStartDate",
        "recordedIn",
        "remainingAttendeeCapacity",
        "review",
        "sponsor",
        "startDate",
        "subEvent",
        "superEvent",
        "translator",
        "typicalAgeRange",
        "workFeatured",
        "workPerformed",
    },  # fmt: skip
    "Place": THING | {"address", "geo", "latitude", "longitude", "telephone", "hasMap", "containedInPlace"},
    "VirtualLocation": THING,
    "Organization": THING | {"address", "email", "telephone", "logo", "department", "parentOrganization"},
    "Offer": THING
    | {
        "availability",
        "availabilityStarts",
        "availabilityEnds",
        "price",
        "priceCurrency",
        "priceSpecification",
        "validFrom",
        "validThrough",
        "category",
        "eligibleRegion",
        "inventoryLevel",
        "seller",
    },  # fmt: skip
}
REQUIRED = {"Event": {"name", "startDate", "location"}, "Place": {"address"}, "VirtualLocation": {"url"}}
RECOMMENDED = {"description", "endDate", "eventAttendanceMode", "eventStatus", "offers", "organizer"}
ENUMERATIONS = {
    "eventStatus": {"EventCancelled", "EventMovedOnline", "EventPostponed", "EventRescheduled", "EventScheduled"},
    "eventAttendanceMode": {
        "MixedEventAttendanceMode",
        "OfflineEventAttendanceMode",
        "OnlineEventAttendanceMode",
    },
    "availability": {
        "BackOrder",
        "Discontinued",
        "InStock",
        "InStoreOnly",
        "LimitedAvailability",
        "MadeToOrder",
        "OnlineOnly",
        "OutOfStock",
        "PreOrder",
        "PreSale",
        "Reserved",
        "SoldOut",
    },  # fmt: skip
}
ISO_WITH_OFFSET = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")
SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def check_node(node: dict) -> None:
    """Every property is one of its type's, required ones are present, enumerations use schema.org members."""
    kind = node["@type"]
    assert kind in PROPERTIES, kind
    unknown = set(node) - PROPERTIES[kind] - {"@type", "@context"}
    assert not unknown, f"{kind} has no properties {unknown}"
    assert REQUIRED.get(kind, set()) <= set(node), f"{kind} lacks {REQUIRED[kind] - set(node)}"
    for name, value in node.items():
        if name in ENUMERATIONS:
            assert value.startswith("https://schema.org/") and value.rsplit("/", 1)[1] in ENUMERATIONS[name]
        for child in value if isinstance(value, list) else [value]:
            if isinstance(child, dict):
                check_node(child)


def json_ld(client, event) -> dict | None:
    response = client.get(event.get_absolute_url())
    assert response.status_code == 200
    found = SCRIPT.findall(response.content.decode())
    assert len(found) <= 1
    return json.loads(found[0]) if found else None


def at(year, month, day, hour=9):
    return dt.datetime(year, month, day, hour, tzinfo=HELSINKI)


def test_onsite_event_is_a_valid_schema_org_event_with_place_and_offsets(client):
    event = EventFactory(
        format=Event.Format.ONSITE,
        venue_fi="Meilahden tornisairaala, Haartmaninkatu 4, Helsinki",
        start=at(2027, 1, 20),
        end=at(2027, 1, 20, 15),
        summary_fi="Koko päivän seminaari.",
    )
    data = json_ld(client, event)
    check_node(data)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert RECOMMENDED <= set(data)
    assert data["startDate"] == "2027-01-20T09:00:00+02:00" and ISO_WITH_OFFSET.match(data["endDate"])
    assert data["location"] == {
        "@type": "Place",
        "name": "Meilahden tornisairaala, Haartmaninkatu 4, Helsinki",
        "address": "Meilahden tornisairaala, Haartmaninkatu 4, Helsinki",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["offers"]["price"] == 0 and data["offers"]["availability"] == "https://schema.org/InStock"


def test_summer_times_carry_the_summer_offset(client):
    data = json_ld(client, EventFactory(start=at(2027, 6, 1), end=at(2027, 6, 1, 10)))
    assert data["startDate"] == "2027-06-01T09:00:00+03:00"


def test_online_event_points_to_its_page_never_to_the_meeting_link(client):
    event = EventFactory(format=Event.Format.ONLINE, online_url="https://meet.example.org/secret-room")
    response = client.get(event.get_absolute_url())
    data = json_ld(client, event)
    check_node(data)
    assert data["location"] == {"@type": "VirtualLocation", "url": "http://127.0.0.1:8000" + event.get_absolute_url()}
    assert "secret-room" not in SCRIPT.findall(response.content.decode())[0]


def test_hybrid_event_has_both_locations_and_mixed_attendance(client):
    data = json_ld(client, EventFactory(format=Event.Format.HYBRID, venue_fi="Sali 1"))
    check_node(data)
    assert [place["@type"] for place in data["location"]] == ["Place", "VirtualLocation"]
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"


def test_cancelled_event_says_event_cancelled_and_sold_out(client):
    data = json_ld(client, EventFactory(status=Event.Status.CANCELLED))
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"


@pytest.mark.parametrize(
    ("capacity", "taken", "availability"),
    [(2, 2, "SoldOut"), (3, 1, "LimitedAvailability"), (30, 1, "InStock"), (None, 5, "InStock")],
)
def test_availability_follows_the_free_seats(client, capacity, taken, availability):
    event = EventFactory(capacity=capacity)
    EnrollmentFactory.create_batch(taken, event=event)
    assert json_ld(client, event)["offers"]["availability"] == "https://schema.org/" + availability


def test_members_only_event_has_no_json_ld_even_for_members(client, user):
    network = NetworkFactory()
    MembershipFactory(network=network, user=user)
    event = EventFactory(network=network, audience=Event.Audience.NETWORK_MEMBERS)
    client.force_login(user)
    assert json_ld(client, event) is None


def test_a_title_cannot_end_the_script_element(client):
    title = '</script><script>alert("x")</script><!--'
    event = EventFactory(title_fi=title)
    response = client.get(event.get_absolute_url()).content.decode()
    assert '</script><script>alert("x")' not in response
    assert json_ld(client, event)["name"] == title


def test_the_content_security_policy_still_forbids_inline_scripts(client):
    response = client.get(EventFactory().get_absolute_url())
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
