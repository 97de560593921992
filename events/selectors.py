"""Reads about events that pages, feeds, the admin and the services share, and the rules they all ask.

The predicates here are the one place each rule is written: whether an event takes enrolments now
(enrollment_state, may_enroll), how many seats are left (seats_left), and whether a member may still cancel
(cancellation_refusal, may_cancel). Pages ask them to show or hide a button; the services ask the same ones
under the event's row lock before they write.
"""

import datetime as dt
import re

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format

from materials.selectors import materials_visible_to
from networks.coordinators import is_scoped_coordinator
from networks.selectors import active_network_ids, coordinated_network_ids, is_active_member

from .errors import MESSAGES
from .models import CalendarFeed, Enrollment, Event

FEED_DAYS_BACK = 90  # the public feeds keep recent past events, so that a subscriber's calendar keeps them too


def local_datetime_text(value: dt.datetime) -> str:
    """A time as the rules' messages show it: local, in the active language's short format."""
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


# The rules of enrolment


def enrollment_state(event: Event, *, now: dt.datetime | None = None) -> str | None:
    """Why the event does not take enrolments now, as a message; None when it does."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return MESSAGES["cancelled"]
    if event.status != Event.Status.PUBLISHED:
        return MESSAGES["not_published"]
    if event.start <= now:
        return MESSAGES["past"]
    if event.enrollment_opens and now < event.enrollment_opens:
        return MESSAGES["not_open_yet"] % {"opens": local_datetime_text(event.enrollment_opens)}
    if event.enrollment_closes and now >= event.enrollment_closes:
        return MESSAGES["closed"] % {"closes": local_datetime_text(event.enrollment_closes)}
    return None


def may_enroll(event: Event, user) -> bool:
    """Whether the audience rule lets this user enrol (members-only events: active members of the network)."""
    if event.audience == Event.Audience.NETWORK_MEMBERS:
        return is_active_member(user, event.network)
    return True


def enrollment_refusal(event: Event, user) -> str | None:
    """What the event page tells this visitor instead of the enrolment form; None when the form applies.

    A visitor who is not logged in is asked to log in first, so only the event's own state refuses them here.
    """
    refusal = enrollment_state(event)
    if not refusal and user.is_authenticated and not may_enroll(event, user):
        refusal = MESSAGES["members_only"]
    return refusal


def confirmed_count(event: Event) -> int:
    """Seats taken: the event's confirmed enrolments, counted now."""
    return event.enrollments.filter(status=Enrollment.Status.CONFIRMED).count()


def seats_left(event: Event, *, confirmed: int | None = None) -> int | None:
    """Free seats of the event; None when its capacity is unlimited.

    Pass `confirmed` when it is at hand (the confirmed_total of with_seat_counts() on a page or in the admin);
    otherwise the seats are counted now, which the services do with the event row locked.
    """
    if event.capacity is None:
        return None
    if confirmed is None:
        confirmed = confirmed_count(event)
    return max(event.capacity - confirmed, 0)


# The rules of cancellation


def cancellation_deadline(event: Event) -> dt.datetime:
    """Until when a confirmed participant may give up their seat: the event's deadline, or else its start."""
    return event.cancellation_deadline or event.start


def cancellation_refusal(enrollment: Enrollment, *, now: dt.datetime | None = None) -> str | None:
    """Why the member can no longer cancel this enrolment themselves, as a message; None while they can.

    A confirmed seat can be given up until the cancellation deadline, a place on the waiting list until the
    event starts, and either only while the event is published.
    """
    now = now or timezone.now()
    event = enrollment.event
    if enrollment.status == Enrollment.Status.CANCELLED:
        return MESSAGES["already_cancelled"]
    if event.status == Event.Status.CANCELLED:
        return MESSAGES["cancelled"]
    if event.status != Event.Status.PUBLISHED:
        return MESSAGES["not_published"]
    deadline = cancellation_deadline(event)
    if enrollment.status == Enrollment.Status.CONFIRMED and now >= deadline:
        return MESSAGES["deadline_passed"] % {"deadline": local_datetime_text(deadline)}
    if now >= event.start:
        return MESSAGES["past"]
    return None


def may_cancel(enrollment: Enrollment, *, now: dt.datetime | None = None) -> bool:
    """Whether the member may still cancel this enrolment now (the event page offers the button then)."""
    return cancellation_refusal(enrollment, now=now) is None


def staff_cancellation_refusal(enrollment: Enrollment, *, now: dt.datetime | None = None) -> str | None:
    """Why staff can no longer cancel this enrolment from the admin; None while they can (until the event ends)."""
    now = now or timezone.now()
    if enrollment.status == Enrollment.Status.CANCELLED:
        return MESSAGES["already_cancelled"]
    if enrollment.event.end <= now:
        return MESSAGES["event_over"]
    return None


def may_see_online_link(enrollment: Enrollment | None) -> bool:
    """Whether the enrolment shows its member the online meeting link: confirmed, in a published event."""
    return bool(
        enrollment
        and enrollment.status == Enrollment.Status.CONFIRMED
        and enrollment.event.status == Event.Status.PUBLISHED
    )


# Events


def events_visible_to(user) -> QuerySet[Event]:
    """Published and cancelled events the user may see: public ones, and members-only ones of their networks."""
    visible = Q(audience=Event.Audience.PUBLIC)
    network_ids = active_network_ids(user)
    if network_ids:
        visible |= Q(audience=Event.Audience.NETWORK_MEMBERS, network_id__in=network_ids)
    return Event.objects.filter(visible, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])


def events_viewable_by(user) -> QuerySet[Event]:
    """What an event page may show the user: staff preview every event (drafts too; the enrolment rules still
    refuse them), a network coordinator also their own networks' events, everyone else what is visible to them."""
    if user.is_staff and not is_scoped_coordinator(user):
        return Event.objects.all()
    events = events_visible_to(user)
    if user.is_staff:
        events = events | Event.objects.filter(network_id__in=coordinated_network_ids(user))
    return events


def public_calendar_events(*, network=None) -> QuerySet[Event]:
    """What the public calendar feeds list: public events, published or cancelled (so that calendars drop a
    cancelled one), from FEED_DAYS_BACK days ago on, with their sessions (two queries, whatever their number)."""
    since = timezone.now() - dt.timedelta(days=FEED_DAYS_BACK)
    events = Event.objects.filter(
        audience=Event.Audience.PUBLIC, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED], end__gte=since
    )
    if network is not None:
        events = events.filter(network=network)
    return events.prefetch_related("sessions").order_by("start", "pk")


def upcoming_events_for(user, *, network=None) -> QuerySet[Event]:
    """Published events the user may see that are not over yet, soonest first (optionally of one network)."""
    events = events_visible_to(user).filter(end__gte=timezone.now(), status=Event.Status.PUBLISHED)
    if network is not None:
        events = events.filter(network=network)
    return events.select_related("network").order_by("start", "pk")


def with_seat_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate each event with confirmed_total and waitlisted_total, in the same query."""
    return events.annotate(
        confirmed_total=Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.CONFIRMED)),
        waitlisted_total=Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.WAITLISTED)),
    )


def event_list_for(user, *, past=False, network=None, kind="", format="") -> QuerySet[Event]:
    """The events page: upcoming published events (soonest first) or the archive of past ones (latest first,
    with the materials the user may open)."""
    now = timezone.now()
    events = events_visible_to(user).select_related("network")
    if past:
        materials = materials_visible_to(user).order_by("title")
        events = (
            events.filter(end__lt=now, status=Event.Status.PUBLISHED)
            .order_by("-start", "-pk")
            .prefetch_related(Prefetch("materials", queryset=materials, to_attr="visible_materials"))
        )
    else:
        events = events.filter(end__gte=now).order_by("start", "pk")
    if network is not None:
        events = events.filter(network=network)
    if kind:
        events = events.filter(kind=kind)
    if format:
        events = events.filter(format=format)
    return with_seat_counts(events)


def is_members_only_event(slug: str) -> bool:
    """Whether a published (or cancelled) members-only event has this slug: a visitor is asked to log in."""
    return Event.objects.filter(
        slug=slug, audience=Event.Audience.NETWORK_MEMBERS, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]
    ).exists()


def event_for_page(user, slug: str) -> Event | None:
    """The event of an event page with its seat counts; None when there is none the user may see."""
    return with_seat_counts(events_viewable_by(user).select_related("network", "series")).filter(slug=slug).first()


# Enrolments


def waiting_list_position():
    """An expression for an enrolment's place in its event's waiting list (1 = next in line)."""
    ahead = (
        Enrollment.objects.filter(event=OuterRef("event"), status=Enrollment.Status.WAITLISTED)
        .filter(Q(created_at__lt=OuterRef("created_at")) | Q(created_at=OuterRef("created_at"), pk__lt=OuterRef("pk")))
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), 0) + 1


def live_enrollment(user, event: Event) -> Enrollment | None:
    """The user's confirmed or waitlisted enrolment in the event, with its waiting-list position."""
    if not user.is_authenticated:
        return None
    enrollment = (
        Enrollment.objects.filter(user=user, event=event)
        .exclude(status=Enrollment.Status.CANCELLED)
        .annotate(position=waiting_list_position())
        .first()
    )
    if enrollment is not None:
        enrollment.event = event  # the rules read the event; the caller has it already
    return enrollment


def live_enrollments_by_event(user, events) -> dict[int, Enrollment]:
    """The user's confirmed or waitlisted enrolments in the given events, by event id, in one query."""
    if not user.is_authenticated:
        return {}
    enrollments = Enrollment.objects.filter(user=user, event__in=[event.pk for event in events]).exclude(
        status=Enrollment.Status.CANCELLED
    )
    return {enrollment.event_id: enrollment for enrollment in enrollments}


def enrollments_of(user) -> QuerySet[Enrollment]:
    """A member's enrolments with their events, certificate and waiting-list position (for my page)."""
    return (
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("event", "event__network", "certificate")
        .annotate(position=waiting_list_position())
    )


# The personal calendar feed


FEED_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{16,64}")


def live_calendar_feed(token: str) -> CalendarFeed | None:
    """The feed a secret token opens: only a token of the right shape (checked before any query), and only for
    an active account: a deactivated member's feed stops answering."""
    if not FEED_TOKEN_SHAPE.fullmatch(token or ""):
        return None
    return CalendarFeed.objects.select_related("user").filter(token=token, user__is_active=True).first()


def calendar_feed_of(user) -> CalendarFeed | None:
    """The member's calendar feed, if they have created one."""
    return CalendarFeed.objects.filter(user=user).first()


def personal_feed_enrollments(user) -> QuerySet[Enrollment]:
    """What a member's calendar feed lists: their confirmed enrolments in events they may still see, with the
    sessions. A member who has left a network no longer gets its members-only events (nor their links)."""
    return (
        Enrollment.objects.filter(user=user, status=Enrollment.Status.CONFIRMED)
        .filter(event__in=events_visible_to(user))
        .select_related("event")
        .prefetch_related("event__sessions")
        .order_by("event__start")
    )
