"""A small fixed year of activity (2025) to check the statistics against, seen from March 2026."""

import datetime as dt
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine

from accounts.models import User
from events.models import Enrollment, Event
from materials.models import Material
from networks.models import Membership, Network
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

HELSINKI = ZoneInfo("Europe/Helsinki")
NOW = dt.datetime(2026, 3, 15, 12, 0, tzinfo=HELSINKI)
STATISTICS = "/admin/statistics/"


def at(text: str) -> dt.datetime:
    """'2025-05-10 09:00' (or a date alone) in Helsinki time."""
    return dt.datetime.fromisoformat(text if " " in text else f"{text} 09:00").replace(tzinfo=HELSINKI)


@pytest.fixture(autouse=True)
def now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def event(start, *, kind=Event.Kind.MORNING_MEETING, network=None, **fields):
    return EventFactory(kind=kind, network=network, start=at(start), end=at(start) + dt.timedelta(hours=1), **fields)


def enrol(event, user, status=Enrollment.Status.CONFIRMED, **fields):
    return EnrollmentFactory(event=event, user=user, status=status, **fields)


def membership(network, user, status=Membership.Status.ACTIVE, *, requested, **dates):
    row = MembershipFactory(network=network, user=user, status=status)
    Membership.objects.filter(pk=row.pk).update(requested_at=at(requested), **{k: at(v) for k, v in dates.items()})
    return row


def _people():
    profile = [
        ("u1", User.Region.HELSINKI, User.Profession.NURSE),
        ("u2", User.Region.HELSINKI, User.Profession.PHYSICIAN),
        ("u3", User.Region.VANTAA_KERAVA, User.Profession.NURSE),
        ("u4", User.Region.HUS, User.Profession.PSYCHOLOGIST),
        ("u5", "", ""),
        ("u6", User.Region.EAST_UUSIMAA, User.Profession.NURSE),
        ("u7", User.Region.WEST_UUSIMAA, User.Profession.MANAGER),
    ]
    return {
        name: UserFactory(email=f"{name}@example.org", region=region, profession=profession)
        for name, region, profession in profile
    }


def _events(n, p):
    CONFIRMED, WAITLISTED, CANCELLED = Enrollment.Status.values
    m1 = event("2025-01-28 08:15", title_fi="Liikkumisen edistäminen", title_en="Promoting physical activity")
    m2 = event("2025-02-25 08:15", title_fi="Uni ja palautuminen", title_en="Sleep and recovery")
    m3 = event("2025-03-25 08:15", title_fi="Ravitsemus", title_en="Nutrition")
    for meeting, user, status, attended in [
        (m1, p.u1, CONFIRMED, True),
        (m1, p.u2, CONFIRMED, True),
        (m1, p.u3, CONFIRMED, False),
        (m1, p.u4, CANCELLED, False),
        (m2, p.u1, CONFIRMED, True),
        (m2, p.u5, CONFIRMED, False),
        (m2, p.u6, CONFIRMED, True),
        (m3, p.u2, CONFIRMED, False),  # attendance of m3 not marked
        (m3, p.u3, CONFIRMED, False),
    ]:
        enrol(meeting, user, status, attended=attended)
    day = event("2025-05-10", kind=Event.Kind.GOOD_SPIRAL_DAY, network=n.a, format=Event.Format.HYBRID, capacity=2)
    enrol(day, p.u1, mode=Enrollment.Mode.ONSITE, attended=True)
    enrol(day, p.u3, mode=Enrollment.Mode.ONLINE, attended=True)
    enrol(day, p.u7, WAITLISTED)
    enrol(day, p.u2, CANCELLED)
    workshop = event("2025-09-15", kind=Event.Kind.DEVELOPMENT_WORKSHOP, network=n.b, format=Event.Format.ONSITE,
                     capacity=10)  # fmt: skip
    enrol(workshop, p.u4, mode=Enrollment.Mode.ONSITE, attended=True)
    enrol(workshop, p.u5, mode=Enrollment.Mode.ONSITE, attended=True)
    other = event("2025-10-01", kind=Event.Kind.NETWORK_MEETING, network=n.c)
    enrol(other, p.u3, attended=True)
    cancelled = event("2025-06-01", kind=Event.Kind.NETWORKING_DAY, network=n.a, status=Event.Status.CANCELLED)
    enrol(cancelled, p.u1, CANCELLED)
    draft = event("2025-04-01", kind=Event.Kind.SEMINAR, status=Event.Status.DRAFT)
    enrol(draft, p.u1)
    earlier = event("2024-11-26 08:15")
    enrol(earlier, p.u6, attended=True)
    later = event("2026-01-20", kind=Event.Kind.NETWORK_MEETING, network=n.a)
    enrol(later, p.u7)
    return SimpleNamespace(m1=m1, m2=m2, m3=m3, day=day, workshop=workshop, other=other)


def _memberships(n, p):
    Status = Membership.Status
    membership(n.a, p.u1, requested="2024-05-01", joined_at="2024-05-01")
    membership(n.a, p.u2, requested="2025-03-10", joined_at="2025-03-10")
    membership(n.a, p.u3, Status.LEFT, requested="2025-01-05", joined_at="2025-01-05", left_at="2025-08-20")
    membership(n.a, p.u4, requested="2025-11-02", joined_at="2025-11-02")
    membership(n.b, p.u5, requested="2025-02-01", decided_at="2025-02-11", joined_at="2025-02-11")
    membership(n.b, p.u6, Status.REJECTED, requested="2025-04-01 09:00", decided_at="2025-04-04 21:00")
    membership(n.b, p.u7, Status.PENDING, requested="2026-03-01")
    membership(n.b, p.u1, Status.PENDING, requested="2025-12-01")
    membership(n.c, p.u2, requested="2025-06-01", joined_at="2025-06-01")


def _newsletter():
    s1 = SubscriberFactory(language="fi", consented_at=at("2024-12-01"))
    s2 = SubscriberFactory(language="sv", consented_at=at("2025-03-05"))
    s3 = SubscriberFactory(language="en", consented_at=at("2025-01-10"), status=Subscriber.Status.UNSUBSCRIBED,
                           unsubscribed_at=at("2025-07-02"), unsubscribe_reason="requested")  # fmt: skip
    s4 = SubscriberFactory(language="fi", consented_at=at("2025-02-01"), status=Subscriber.Status.UNSUBSCRIBED,
                           unsubscribed_at=at("2025-09-10"), unsubscribe_reason="bouncing")  # fmt: skip
    SubscriberFactory(language="fi", status=Subscriber.Status.PENDING, consented_at=None)
    # Unsubscribed in March, subscribed again in May (an old unsubscription date left on the row).
    SubscriberFactory(language="en", consented_at=at("2025-05-01"), unsubscribed_at=at("2025-03-01"))
    SENT, FAILED = Delivery.Status.SENT, Delivery.Status.FAILED
    issues = {
        "2025-03-01": [(s1, SENT), (s3, SENT), (s4, FAILED)],
        "2025-07-01": [(s1, SENT), (s2, SENT), (s3, SENT), (s4, SENT)],
        "2025-09-01": [(s1, SENT), (s2, SENT), (s4, FAILED)],
    }
    for day, deliveries in issues.items():
        issue = NewsletterIssueFactory(subject_en=f"News {day}", status=NewsletterIssue.Status.SENT, sent_at=at(day))
        Delivery.objects.bulk_create(Delivery(issue=issue, subscriber=s, status=status) for s, status in deliveries)
    NewsletterIssueFactory(subject_en="Draft")


def _materials(n):
    guide = MaterialFactory(kind=Material.Kind.GUIDE, title_en="Exercise guide")
    guide.networks.add(n.a)
    document = MaterialFactory(kind=Material.Kind.DOCUMENT, url="https://example.org/directors.pdf")
    document.networks.add(n.b)
    MaterialFactory(kind=Material.Kind.LINK)
    MaterialFactory(kind=Material.Kind.VIDEO, title_en="Sleep video")
    for title, count in [("Exercise guide", 30), ("Sleep video", 12)]:
        Material.objects.filter(title_en=title).update(download_count=count)
    Material.objects.filter(pk=document.pk).update(download_count=5)


@pytest.fixture
def year_2025(db):
    """Three networks (a, b, c), seven professionals (p.u1...u7), the events, memberships, newsletter and
    materials of 2025 with a few rows on either side of it."""
    n = SimpleNamespace(
        a=NetworkFactory(name_en="Physical activity", join_policy=Network.JoinPolicy.OPEN),
        b=NetworkFactory(name_en="Directors", join_policy=Network.JoinPolicy.APPROVAL),
        c=NetworkFactory(name_en="Oral health"),
    )
    p = SimpleNamespace(**_people())
    events = _events(n, p)
    _memberships(n, p)
    _newsletter()
    _materials(n)
    return SimpleNamespace(networks=n, people=p, events=events)


@pytest.fixture
def own_network(year_2025):
    """The shared `coordinator` (and `coordinator_client`) coordinates network a of the year only."""
    return year_2025.networks.a
