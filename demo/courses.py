"""Demo courses (data/courses.toml): the developer coaching twice over, one group finished with certificates issued
and one in progress with its first session's attendance marked and check-in open for the session running now.

Courses are found by slug and never changed once created. Attendance goes through the staff service (as the admin
marks it) and certificates through the same service the periodic task calls.
"""

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from events import services
from events.models import Enrollment, Event, EventSession
from events.services.checkin import codes_for

from .accounts import ensure_user
from .loading import read_data, report, translated

HELSINKI = ZoneInfo("Europe/Helsinki")
PARTICIPANT_PASSWORD = "hyte-participant-demo"
VENUE = {
    "fi": "HUS Perusterveydenhuollon yksikkö, Helsinki",
    "sv": "HUS enhet för primärvård, Helsingfors",
    "en": "HUS Primary Health Care Unit, Helsinki",
}


def seed(stdout) -> None:
    data = read_data("courses")
    for spec in data["participants"]:
        ensure_user(password=PARTICIPANT_PASSWORD, **spec)
    created = sum(_ensure_course(spec) for spec in data["courses"])
    report(stdout, "courses", created=created, total=len(data["courses"]))


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=HELSINKI)


def _ensure_course(spec: dict) -> bool:
    if Event.objects.filter(slug=spec["slug"]).exists():
        return False
    today = timezone.localdate()
    spans = []
    for session in spec["sessions"]:
        first = today + dt.timedelta(weeks=session["weeks"])
        spans.append(
            (_at(first, session["start"]), _at(first + dt.timedelta(days=session["days"] - 1), session["end"]))
        )
    event = Event.objects.create(
        slug=spec["slug"],
        kind=Event.Kind.COACHING_SESSION,
        format=Event.Format.ONSITE,
        status=Event.Status.PUBLISHED,
        capacity=24,
        start=spans[0][0],
        end=spans[-1][1],
        completion_rule=spec["rule"],
        completion_threshold=spec.get("threshold"),
        **translated("title", spec["title"]),
        **translated("summary", spec["summary"]),
        **translated("venue", VENUE),
    )
    sessions = [
        EventSession.objects.create(
            event=event,
            start=start,
            end=end,
            hours=Decimal(session["hours"]),
            **translated("title", session["title"]),
            **translated("venue", VENUE),
        )
        for (start, end), session in zip(spans, spec["sessions"], strict=True)
    ]
    attended = {}
    for row in spec["present"]:
        # Enrolment closed long ago for these made-up participants: their rows are written as they would stand.
        enrollment = Enrollment.objects.create(
            event=event, user=User.objects.get(email=row["who"]), status=Enrollment.Status.CONFIRMED
        )
        attended[enrollment.pk] = {sessions[number - 1].pk for number in row["sessions"]}
    staff = User.objects.filter(is_staff=True, is_superuser=True).order_by("pk").first()
    services.record_attendance(event=event, attended=attended, by=staff)
    codes_for(event)
    if event.end < timezone.now():
        services.issue_certificates(event=event, by=None)
    return True
