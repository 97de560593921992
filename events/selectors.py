"""Reads about events that pages, feeds, the admin and the services share, and the rules they all ask.

The predicates here are the one place each rule is written: whether an event takes enrolments now
(enrollment_state, may_enroll), how many seats are left (seats_left, from the row's counters), and whether a
member may still cancel (cancellation_refusal, may_cancel). Pages ask them to show or hide a button; the
services ask the same ones under the event's row lock before they write.
"""

import datetime as dt
import re

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format

from materials.selectors import materials_visible_to
from networks.coordinators import is_scoped_coordinator
from networks.selectors import active_network_ids, coordinated_network_ids, is_active_member

from .errors import MESSAGES
from .models import (
    CERTIFICATE_CODE_LENGTH,
    CODE_ALPHABET,
    CalendarFeed,
    Certificate,
    Enrollment,
    Event,
    SeriesSubscription,
)

FEED_DAYS_BACK = 90  # the public feeds keep recent past events, so that a subscriber's calendar keeps them too


def local_datetime_text(value: dt.datetime) -> str:
    """A time as the rules' messages show it: local, in the active language's short format."""
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


# The rules of enrolment


def enrollment_state(event: Event, *, now: dt.datetime | None = None) -> str | None:
    """Why the event does not take enrolments now, as a message; None when it does."""
    now = now or timezone.now()
    refusal = event_state_refusal(event, now=now)
    if refusal:
        return refusal
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


def seats_left(event: Event, mode: str = "") -> int | None:
    """Free seats of the event in a mode's pool (a non-hybrid event has one pool, whatever the mode); None when
    unlimited. Without a mode, a hybrid event answers the sum of its two pools (None if either is unlimited).

    Read from the counters on the event row, which the services keep under the row's lock.
    """
    if event.is_hybrid and not mode:
        pools = [seats_left(event, pool) for pool in event.participation_modes()]
        return None if None in pools else sum(pools)
    capacity = event.capacity_for(event.seat_mode(mode))
    if capacity is None:
        return None
    return max(capacity - event.confirmed_in(mode), 0)


def seat_pools(event: Event) -> list[dict]:
    """Per mode of the event: its label, capacity, seats taken and seats left (one pool unless hybrid)."""
    return [
        {
            "mode": mode,
            "label": Enrollment.Mode(mode).label,
            "capacity": event.capacity_for(mode),
            "confirmed": event.confirmed_in(mode),
            "left": seats_left(event, mode),
        }
        for mode in event.participation_modes()
    ]


def waiting_list(event: Event, mode: str) -> QuerySet[Enrollment]:
    """The waiting list of a mode's pool in its one order: who joined it first (ties by id). Those waiting to
    switch into the mode while keeping a seat in the other are on it too."""
    mode = event.seat_mode(mode)
    return (
        Enrollment.objects.filter(event=event)
        .filter(
            Q(status=Enrollment.Status.WAITLISTED, mode=mode) | Q(status=Enrollment.Status.CONFIRMED, waiting_mode=mode)
        )
        .order_by("waiting_since", "pk")
    )


def someone_waiting(event: Event, mode: str) -> bool:
    return waiting_list(event, mode).exists()


# The rules of cancellation


def cancellation_deadline(event: Event) -> dt.datetime:
    """Until when a confirmed participant may give up their seat: the event's deadline, or else its start."""
    return event.cancellation_deadline or event.start


# A member promoted this close to the start may give the seat back until the start, whatever the deadline.
LATE_PROMOTION = dt.timedelta(hours=24)


def promoted_late(enrollment: Enrollment) -> bool:
    """Whether the member got the seat from the waiting list less than a day before the event."""
    return bool(enrollment.promoted_at and enrollment.promoted_at > enrollment.event.start - LATE_PROMOTION)


def cancellation_deadline_of(enrollment: Enrollment) -> dt.datetime:
    """The deadline that applies to this enrolment: the event's, or its start for one promoted late."""
    if promoted_late(enrollment):
        return enrollment.event.start
    return cancellation_deadline(enrollment.event)


def cancellation_refusal(enrollment: Enrollment, *, now: dt.datetime | None = None) -> str | None:
    """Why the member can no longer cancel this enrolment themselves, as a message; None while they can.

    A confirmed seat can be given up until the cancellation deadline (until the start for a member promoted
    less than a day before), a place on the waiting list until the event starts, and either only while the event
    is published.
    """
    now = now or timezone.now()
    event = enrollment.event
    if enrollment.status == Enrollment.Status.CANCELLED:
        return MESSAGES["already_cancelled"]
    if event.status == Event.Status.CANCELLED:
        return MESSAGES["cancelled"]
    if event.status != Event.Status.PUBLISHED:
        return MESSAGES["not_published"]
    deadline = cancellation_deadline_of(enrollment)
    if enrollment.status == Enrollment.Status.CONFIRMED and now >= deadline:
        return MESSAGES["deadline_passed"] % {"deadline": local_datetime_text(deadline)}
    if now >= event.start:
        return MESSAGES["past"]
    return None


def event_state_refusal(event: Event, *, now: dt.datetime | None = None) -> str | None:
    """Why nothing about an enrolment in this event can change now (cancelled, unpublished, started); None else."""
    now = now or timezone.now()
    if event.status == Event.Status.CANCELLED:
        return MESSAGES["cancelled"]
    if event.status != Event.Status.PUBLISHED:
        return MESSAGES["not_published"]
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


def with_waiting_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    """Annotate each event with waiting_onsite and waiting_online, its waiting lists' lengths (the admin's list;
    the seats taken are on the row)."""
    waiting = Enrollment.Status.WAITLISTED

    def in_list(mode):
        return Q(enrollments__status=waiting, enrollments__mode=mode) | Q(enrollments__waiting_mode=mode)

    return events.annotate(
        waiting_onsite=Count("enrollments", filter=in_list(Enrollment.Mode.ONSITE)),
        waiting_online=Count("enrollments", filter=in_list(Enrollment.Mode.ONLINE)),
    )


def event_list_for(user, *, past=False, network=None, kind="", format="") -> QuerySet[Event]:
    """The events page: upcoming published events (soonest first) or the archive of past ones (latest first,
    with the materials the user may open). The seats come from the counters on the event row, so neither the
    paginator's count nor the page aggregates enrolments."""
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
    return events


def is_members_only_event(slug: str) -> bool:
    """Whether a published (or cancelled) members-only event has this slug: a visitor is asked to log in."""
    return Event.objects.filter(
        slug=slug, audience=Event.Audience.NETWORK_MEMBERS, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED]
    ).exists()


def event_for_page(user, slug: str) -> Event | None:
    """The event of an event page with its seat counts; None when there is none the user may see."""
    return events_viewable_by(user).select_related("network", "series").filter(slug=slug).first()


# Enrolments


def with_waiting_position(enrollments: QuerySet[Enrollment]) -> QuerySet[Enrollment]:
    """Annotate each enrolment with `position`, its place on the waiting list it is on (1 = next in line), per
    mode; derived from the time each joined the list, so it moves up as those ahead leave. Meaningless for an
    enrolment that waits for nothing."""
    queue_mode = Case(
        When(status=Enrollment.Status.WAITLISTED, then=F("mode")), default=F("waiting_mode"), output_field=CharField()
    )
    ahead = (
        Enrollment.objects.filter(event=OuterRef("event"))
        .filter(
            Q(status=Enrollment.Status.WAITLISTED, mode=OuterRef("queue_mode"))
            | Q(status=Enrollment.Status.CONFIRMED, waiting_mode=OuterRef("queue_mode"))
        )
        .filter(
            Q(waiting_since__lt=OuterRef("waiting_since"))
            | Q(waiting_since=OuterRef("waiting_since"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return enrollments.annotate(queue_mode=queue_mode).annotate(
        position=Coalesce(Subquery(ahead, output_field=IntegerField()), 0) + 1
    )


def live_enrollment(user, event: Event) -> Enrollment | None:
    """The user's confirmed or waitlisted enrolment in the event, with its waiting-list position."""
    if not user.is_authenticated:
        return None
    enrollment = Enrollment.objects.filter(user=user, event=event).exclude(status=Enrollment.Status.CANCELLED)
    enrollment = with_waiting_position(enrollment).first()
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
    """A member's enrolments with their events, certificate, waiting-list position, and whether they came with
    the member's series enrolment (`in_my_series`: the date can be dropped on its own), for my page."""
    in_my_series = SeriesSubscription.objects.filter(
        user=OuterRef("user"), series=OuterRef("event__series"), is_active=True
    )
    return with_waiting_position(
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("event", "event__network", "certificate")
        .annotate(in_my_series=Exists(in_my_series))
    )


def series_subscription_of(user, series) -> SeriesSubscription | None:
    """The member's active enrolment in a series, if any."""
    if series is None or not user.is_authenticated:
        return None
    return SeriesSubscription.objects.filter(user=user, series=series, is_active=True).first()


def enrollment_for_release_token(token: str) -> Enrollment | None:
    """The enrolment a signed e-mail link gives up (its confirmation page); None for a bad or unknown token."""
    from .tokens import enrollment_id_from

    enrollment_id = enrollment_id_from(token)
    if enrollment_id is None:
        return None
    return Enrollment.objects.select_related("event", "user").filter(pk=enrollment_id).first()


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


def events_starting_between(user, start, end, *, network=None, kind="", format="") -> QuerySet[Event]:
    """The month view: published and cancelled events the user may see that start in [start, end), in order."""
    events = events_visible_to(user).filter(start__gte=start, start__lt=end).select_related("network")
    if network is not None:
        events = events.filter(network=network)
    if kind:
        events = events.filter(kind=kind)
    if format:
        events = events.filter(format=format)
    return events.order_by("start", "pk")


# Self check-in and certificates


def checkin_window(start: dt.datetime, end: dt.datetime) -> tuple[dt.datetime, dt.datetime]:
    """When check-in to a session that runs from `start` to `end` is open."""
    return start - dt.timedelta(minutes=settings.CHECKIN_OPENS_MINUTES_BEFORE), end


def checkin_open(event: Event, sessions: list, *, now: dt.datetime | None = None) -> bool:
    """Whether check-in to the event, or to one of its sessions, is open now (the event page offers the form)."""
    now = now or timezone.now()
    spans = [(session.start, session.end) for session in sessions] or [(event.start, event.end)]
    return any(opens <= now <= closes for opens, closes in (checkin_window(*span) for span in spans))


CERTIFICATE_CODE_SHAPE = re.compile(f"[{CODE_ALPHABET}]{{{CERTIFICATE_CODE_LENGTH}}}")


def certificate_code_shape(value: str) -> str | None:
    """The code in its stored form (upper case, dashes dropped), or None if it cannot be a certificate code."""
    if not isinstance(value, str) or len(value) > 32:
        return None
    code = value.replace("-", "").upper()
    return code if CERTIFICATE_CODE_SHAPE.fullmatch(code) else None


def certificate_for_verification(code: str) -> Certificate | None:
    """The certificate a verification code names (its shape checked before any query), with what the public
    page shows: the holder's name and the course."""
    code = certificate_code_shape(code)
    if code is None:
        return None
    return (
        Certificate.objects.select_related("enrollment__user", "enrollment__event")
        .prefetch_related("enrollment__event__sessions")
        .filter(code=code)
        .first()
    )
