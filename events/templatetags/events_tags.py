"""Data for the events partials on the home page and my page, in a fixed number of queries."""

from django import template
from django.utils import timezone

from events import jsonld, selectors
from events.models import Enrollment, Event

register = template.Library()

HOME_EVENT_COUNT = 5


BIG_DAY_KINDS = [Event.Kind.GOOD_SPIRAL_DAY, Event.Kind.NETWORKING_DAY]


def _takes_one_click_enrolment(event: Event) -> bool:
    """Whether the home page may enrol a member with a single button: the event takes enrolments now and its
    form has nothing to ask (one participation mode, no required question). Any event shown is one the member may
    see, so a members-only one is of their own network."""
    if selectors.enrollment_state(event):
        return False
    return len(event.participation_modes()) == 1 and not any(q["required"] for q in event.question_list())


@register.simple_tag(takes_context=True)
def home_events(context):
    """The home page's events: the next morning meeting and the next big day (Good Spiral or networking day), each
    with the member's enrolment, and the next few other events. Three queries, plus the membership one and, for a
    member, one for their enrolments."""
    user = context["request"].user
    upcoming = selectors.upcoming_events_for(user)
    next_meeting = upcoming.filter(kind=Event.Kind.MORNING_MEETING).first()
    next_big_day = upcoming.filter(kind__in=BIG_DAY_KINDS).first()
    featured = [event for event in (next_meeting, next_big_day) if event is not None]
    others = list(upcoming.exclude(pk__in=[event.pk for event in featured])[:HOME_EVENT_COUNT])
    enrollments = selectors.live_enrollments_by_event(user, featured)
    for event in featured:
        event.my_enrollment = enrollments.get(event.pk)
        event.seats_left = selectors.seats_left(event)
        event.seat_pools = selectors.seat_pools(event)
        event.one_click = user.is_authenticated and not event.my_enrollment and _takes_one_click_enrolment(event)
    return {"next_meeting": next_meeting, "next_big_day": next_big_day, "events": others}


MY_EVENTS_PER_PAGE = 10


def _page_number(request, parameter: str) -> int:
    value = request.GET.get(parameter, "")
    return min(int(value), 10_000) if value.isascii() and value.isdigit() and int(value) > 0 else 1


def _rows_of_page(enrollments, number: int) -> tuple[list, bool]:
    """One page of enrolments and whether another follows, in one query (one row more, no count)."""
    start = (number - 1) * MY_EVENTS_PER_PAGE
    rows = list(enrollments[start : start + MY_EVENTS_PER_PAGE + 1])
    return rows[:MY_EVENTS_PER_PAGE], len(rows) > MY_EVENTS_PER_PAGE


@register.inclusion_tag("events/_my_events.html", takes_context=True)
def my_events(context):
    """My upcoming enrolments with status and waiting-list position, and past ones with certificates, each a page
    at a time (?upcoming=N, ?history=N): a member with hundreds of enrolments gets a page as fast as anyone."""
    request = context["request"]
    now = timezone.now()
    enrollments = selectors.enrollments_of(request.user)
    upcoming_page, history_page = _page_number(request, "upcoming"), _page_number(request, "history")
    upcoming, more_upcoming = _rows_of_page(
        enrollments.filter(event__end__gte=now).order_by("event__start", "pk"), upcoming_page
    )
    past, more_past = _rows_of_page(
        enrollments.filter(event__end__lt=now, status=Enrollment.Status.CONFIRMED).order_by("-event__start", "-pk"),
        history_page,
    )
    feed = selectors.calendar_feed_of(request.user)
    return {
        "upcoming": upcoming,
        "past": past,
        "upcoming_page": upcoming_page,
        "history_page": history_page,
        "more_upcoming": more_upcoming,
        "more_past": more_past,
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
