"""The data the authorisation matrix requests its URLs against: two networks, A and B, with a member and a
coordinator each, and one row of every kind the portal's URLs and admin pages open, on each side where a row
belongs to a network.

Rows that only one side may see carry a marker in their text (PRIVATE_A, PRIVATE_B): the matrix fails if a page
shown to a person of one side (or to an anonymous visitor) contains the other side's marker.
"""

import datetime as dt
from types import SimpleNamespace

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.utils import timezone

from audit.services import record
from events.models import (
    CalendarFeed,
    Certificate,
    CheckinCode,
    Enrollment,
    Event,
    EventSeries,
    ReminderDelivery,
    SeriesSubscription,
    SessionAttendance,
)
from events.tokens import release_token
from leading.models import CountyEditor, GuidanceSection
from materials.models import Material
from networks.models import Invitation, Membership, Network
from newsletter.models import Delivery, Subscriber
from pages.models import ContentPage, Feedback
from pages.services import create_missing_pages
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.leading.factories import AssessmentFactory, make_checklist, publish_with
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, make_coordinator
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory
from tests.pages.factories import FeedbackFactory

PRIVATE_A = "PRIVATEAAA"  # in text that only network A's people (and staff) may read
PRIVATE_B = "PRIVATEBBB"
COUNTY = "vantaa_kerava"  # the county whose Leading HYTE assessments the world holds; member A edits it

PERSONAS = ("anonymous", "member_a", "member_b", "coordinator_a", "coordinator_b", "staff")


def build_world() -> SimpleNamespace:
    """Create the rows; returns them as attributes (w.network_a, w.members_event_a...)."""
    w = SimpleNamespace()
    _people_and_networks(w)
    _events(w)
    _other_apps(w)
    _admin_only_rows(w)
    return w


def _people_and_networks(w):
    w.network_a = NetworkFactory(slug="network-a")
    w.network_b = NetworkFactory(slug="network-b", join_policy=Network.JoinPolicy.APPROVAL)
    w.member_a = UserFactory(email="member-a@example.org", last_name=f"Aalto {PRIVATE_A}")
    w.member_b = UserFactory(email="member-b@example.org", last_name=f"Berg {PRIVATE_B}")
    w.membership_a = MembershipFactory(network=w.network_a, user=w.member_a)
    w.membership_b = MembershipFactory(network=w.network_b, user=w.member_b)
    w.coordinator_a = make_coordinator(w.network_a, email="coordinator-a@example.org", preferred_language="en")
    w.coordinator_b = make_coordinator(w.network_b, email="coordinator-b@example.org", preferred_language="en")
    w.staff = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True, preferred_language="en")
    # Somebody else's pending request to join each network, for the coordinators' decision actions.
    w.pending_a = MembershipFactory(network=w.network_a, status=Membership.Status.PENDING)
    w.pending_b = MembershipFactory(network=w.network_b, status=Membership.Status.PENDING)
    expires = timezone.now() + dt.timedelta(days=7)
    w.invitation_a = Invitation.objects.create(network=w.network_a, email="invited-a@example.org", expires_at=expires)
    w.invitation_b = Invitation.objects.create(network=w.network_b, email="invited-b@example.org", expires_at=expires)


def _events(w):
    members = Event.Audience.NETWORK_MEMBERS
    w.public_event = EventFactory(slug="public-event", network=w.network_a)
    w.members_event_a = EventFactory(
        slug="members-event-a", network=w.network_a, audience=members, online_url=f"https://meet.example.org/{PRIVATE_A}"
    )
    w.members_event_b = EventFactory(
        slug="members-event-b", network=w.network_b, audience=members, online_url=f"https://meet.example.org/{PRIVATE_B}"
    )
    w.draft_event_a = EventFactory(
        slug="draft-event-a", network=w.network_a, status=Event.Status.DRAFT, title_en=f"Draft {PRIVATE_A}"
    )
    w.draft_event_b = EventFactory(
        slug="draft-event-b", network=w.network_b, status=Event.Status.DRAFT, title_en=f"Draft {PRIVATE_B}"
    )
    w.enrollment_a = EnrollmentFactory(event=w.members_event_a, user=w.member_a)
    w.enrollment_b = EnrollmentFactory(event=w.members_event_b, user=w.member_b)
    w.public_enrollment_a = EnrollmentFactory(event=w.public_event, user=w.member_a)
    for side in ("a", "b"):
        network, member = getattr(w, f"network_{side}"), getattr(w, f"member_{side}")
        past = EventFactory(
            slug=f"past-event-{side}", network=network, start=timezone.now() - dt.timedelta(days=3)
        )
        enrollment = EnrollmentFactory(event=past, user=member, attended=True)
        session = EventSessionFactory(event=past)
        setattr(w, f"past_event_{side}", past)
        setattr(w, f"session_code_{side}", CheckinCode.objects.create(event=past, session=session))
        setattr(w, f"certificate_{side}", Certificate.objects.create(enrollment=enrollment, language="en"))
        setattr(w, f"attendance_{side}", SessionAttendance.objects.create(session=session, enrollment=enrollment))
        setattr(
            w,
            f"reminder_{side}",
            ReminderDelivery.objects.create(enrollment=enrollment, kind=ReminderDelivery.Kind.DAY_BEFORE),
        )
        setattr(
            w,
            f"series_{side}",
            EventSeries.objects.create(
                title_fi=f"Sarja {side}",
                title_en=f"Series {side}",
                rrule="FREQ=MONTHLY;BYDAY=-1TU",
                starts_on=timezone.localdate() + dt.timedelta(days=1),
                start_time=dt.time(8, 30),
                duration_minutes=40,
                kind=Event.Kind.MORNING_MEETING,
                network=network,
            ),
        )
    w.feed_a = CalendarFeed.objects.create(user=w.member_a)
    _series_checkin_and_modes(w)


def _series_checkin_and_modes(w):
    """Rows of the series, check-in, hybrid-mode and waiting-list pages (members-only on each side)."""
    members = Event.Audience.NETWORK_MEMBERS
    for side in ("a", "b"):
        network, member = getattr(w, f"network_{side}"), getattr(w, f"member_{side}")
        marker = PRIVATE_A if side == "a" else PRIVATE_B
        series = getattr(w, f"series_{side}")
        event = EventFactory(
            slug=f"series-event-{side}", network=network, audience=members, series=series,
            online_url=f"https://meet.example.org/series-{marker}",
        )  # fmt: skip
        setattr(w, f"series_event_{side}", event)
        setattr(w, f"series_enrollment_{side}", EnrollmentFactory(event=event, user=member))
        setattr(w, f"subscription_{side}", SeriesSubscription.objects.create(user=member, series=series))
    w.hybrid_event_a = EventFactory(
        slug="hybrid-event-a", network=w.network_a, audience=members, format=Event.Format.HYBRID,
        capacity_onsite=10, capacity_online=10, online_url=f"https://meet.example.org/hybrid-{PRIVATE_A}",
    )  # fmt: skip
    w.hybrid_enrollment_a = EnrollmentFactory(event=w.hybrid_event_a, user=w.member_a, mode=Enrollment.Mode.ONSITE)
    # A full event with member A second in line.
    w.full_event_a = EventFactory(slug="full-event-a", network=w.network_a, capacity=1)
    EnrollmentFactory(event=w.full_event_a, user=w.coordinator_a)
    w.waitlisted_a = EnrollmentFactory(
        event=w.full_event_a, user=w.member_a, status=Enrollment.Status.WAITLISTED, waiting_since=timezone.now()
    )
    # The check-in code of member A's members-only event (an event without sessions has one code of its own).
    w.checkin_code_a = CheckinCode.objects.create(event=w.members_event_a)
    w.release_token_a = release_token(w.enrollment_a.pk)


def _other_apps(w):
    w.public_material = MaterialFactory(title_en="Public guide")
    w.members_material = MaterialFactory(title_en="Members' guide", visibility=Material.Visibility.MEMBERS)
    w.members_material.networks.add(w.network_a)
    w.pending_subscriber = SubscriberFactory(status=Subscriber.Status.PENDING, consented_at=None)
    w.active_subscriber = SubscriberFactory()
    w.issue = NewsletterIssueFactory()
    w.delivery = Delivery.objects.create(issue=w.issue, subscriber=w.active_subscriber)
    create_missing_pages()
    w.privacy_page = ContentPage.objects.get(kind=ContentPage.Kind.PRIVACY)
    w.feedback = FeedbackFactory()
    w.checklist = make_checklist()
    w.checklist_group = w.checklist.groups.first()
    w.guidance_section = GuidanceSection.objects.create(
        key="start", title_fi="Ohje", title_en="Guidance", body_fi="Teksti."
    )
    w.county_editor = CountyEditor.objects.create(county=COUNTY, user=w.member_a)
    w.assessment = publish_with(w.checklist, COUNTY, ["in_place"] * 6)
    w.draft_assessment = AssessmentFactory(version=w.checklist, county=COUNTY, status="draft")


def _admin_only_rows(w):
    w.audit_a = record(actor=w.coordinator_a, action="membership.approved", obj=w.membership_a, network=w.network_a)
    w.audit_b = record(actor=w.coordinator_b, action="membership.approved", obj=w.membership_b, network=w.network_b)
    w.group = Group.objects.get(name="Network coordinators")
    w.site = Site.objects.get_current()
    w.email_address = w.member_a.emailaddress_set.get()
    TOTP.activate(w.staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    w.authenticator = Authenticator.objects.get(user=w.staff)
    assert Feedback.objects.exists()
