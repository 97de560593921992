"""Data for the events partials on the home page and my page, in a fixed number of queries."""

from django import template
from django.utils import timezone

from events import jsonld, selectors
from events.models import Enrollment, Event

register = template.Library()

HOME_EVENT_COUNT = 5


@register.inclusion_tag("events/_home_events.html", takes_context=True)
def home_events(context):
    """The next morning meeting, prominent, and the next few other events (two queries plus the membership one)."""
    user = context["request"].user
    upcoming = selectors.upcoming_events_for(user)
    next_meeting = upcoming.filter(kind=Event.Kind.MORNING_MEETING).first()
    others = upcoming
    if next_meeting:
        others = others.exclude(pk=next_meeting.pk)
    return {"next_meeting": next_meeting, "events": list(others[:HOME_EVENT_COUNT]), "request": context["request"]}


@register.inclusion_tag("events/_my_events.html", takes_context=True)
def my_events(context):
    """My upcoming enrolments with status and waiting-list position; past ones with certificates."""
    request = context["request"]
    now = timezone.now()
    enrollments = list(selectors.enrollments_of(request.user).order_by("event__start", "pk"))
    upcoming = [e for e in enrollments if e.event.end >= now]
    past = [e for e in enrollments if e.event.end < now and e.status == Enrollment.Status.CONFIRMED]
    past.reverse()
    feed = selectors.calendar_feed_of(request.user)
    return {
        "upcoming": upcoming,
        "past": past,
        "feed_url": request.build_absolute_uri(feed.get_absolute_url()) if feed else None,
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }


@register.simple_tag
def event_json_ld(event, seats_left):
    """The schema.org Event data of a public event page (events/jsonld.py); nothing for other events."""
    if not jsonld.has_json_ld(event):
        return ""
    return jsonld.json_ld_script(jsonld.event_data(event, seats_left=seats_left))
