"""Reads about events that pages and feeds share."""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from networks.coordinators import is_scoped_coordinator
from networks.selectors import active_network_ids, coordinated_network_ids

from .models import Enrollment, Event


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


def upcoming_events_for(user, *, network=None) -> QuerySet[Event]:
    events = events_visible_to(user).filter(end__gte=timezone.now(), status=Event.Status.PUBLISHED)
    if network is not None:
        events = events.filter(network=network)
    return events.select_related("network").order_by("start", "pk")


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


def with_seat_counts(events: QuerySet[Event]) -> QuerySet[Event]:
    return events.annotate(
        confirmed_count=Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.CONFIRMED)),
    )


def event_list_for(user, *, past=False, network=None, kind="", format="") -> QuerySet[Event]:
    """The events page: upcoming published events (soonest first) or the archive of past ones (latest first)."""
    now = timezone.now()
    events = events_visible_to(user).select_related("network")
    if past:
        events = events.filter(end__lt=now, status=Event.Status.PUBLISHED).order_by("-start", "-pk")
    else:
        events = events.filter(end__gte=now).order_by("start", "pk")
    if network is not None:
        events = events.filter(network=network)
    if kind:
        events = events.filter(kind=kind)
    if format:
        events = events.filter(format=format)
    return with_seat_counts(events)


def live_enrollment(user, event) -> Enrollment | None:
    """The user's confirmed or waitlisted enrolment in the event, with its waiting-list position."""
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(user=user, event=event)
        .exclude(status=Enrollment.Status.CANCELLED)
        .annotate(position=waiting_list_position())
        .first()
    )


def enrollments_of(user) -> QuerySet[Enrollment]:
    """A member's enrolments with their events, certificate and waiting-list position (for my page)."""
    return (
        Enrollment.objects.filter(user=user)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("event", "event__network", "certificate")
        .annotate(position=waiting_list_position())
    )
