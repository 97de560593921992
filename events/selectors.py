"""Reads about events that pages and feeds share."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from networks.selectors import active_network_ids

from .models import Event


def events_visible_to(user) -> QuerySet[Event]:
    """Published and cancelled events the user may see: public ones, and members-only ones of their networks."""
    visible = Q(audience=Event.Audience.PUBLIC)
    network_ids = active_network_ids(user)
    if network_ids:
        visible |= Q(audience=Event.Audience.NETWORK_MEMBERS, network_id__in=network_ids)
    return Event.objects.filter(visible, status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])


def upcoming_events_for(user, *, network=None) -> QuerySet[Event]:
    events = events_visible_to(user).filter(end__gte=timezone.now(), status=Event.Status.PUBLISHED)
    if network is not None:
        events = events.filter(network=network)
    return events.select_related("network").order_by("start", "pk")
