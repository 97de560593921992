"""Demo events (data/events.toml): the morning meeting series with its past topics and coming occurrences, and
the one-off events (network days, theme workshops, director meetings, the developer coaching).

Events are found by slug (past morning meetings by series and start) and never changed once created.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from accounts.models import User
from events import services
from events.models import Event, EventSeries, EventSession, ProgrammeItem, SeriesSubscription
from networks.models import Network

from .loading import read_data, report, translated

HELSINKI = ZoneInfo("Europe/Helsinki")
END_OF_DAY = dt.time(23, 59)
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
SERIES_FIELDS = ["rrule", "starts_on", "start_time", "duration_minutes", "kind", "format", "online_url"]
EVENT_FIELDS = ["kind", "format", "audience", "capacity", "capacity_onsite", "capacity_online", "online_url"]


def seed(stdout) -> None:
    """Create the morning series and the events that are missing; generate occurrences when none lies ahead."""
    data = read_data("events")
    series_spec = data["morning_series"]
    people = data["participants"]
    created = _seed_morning_series(series_spec)
    day = timezone.localdate()
    for spec in data["events"]:
        spec = (data["defaults"][spec["defaults"]] if "defaults" in spec else {}) | spec
        day = _event_day(spec["on"], previous=day)
        event = _ensure_event(spec, day, questions=data["questions"])
        if event is not None:
            created += 1
            _enrol_participants(event, spec.get("enrolled", {}), people)
    _subscribe(series_spec, people)
    report(stdout, "events", created=created, total=len(series_spec["past"]) + len(data["events"]))


def _seed_morning_series(spec: dict) -> int:
    series = EventSeries.objects.filter(rrule=spec["rrule"], kind=spec["kind"]).first()
    if series is None:
        series = EventSeries.objects.create(
            **{field: spec[field] for field in SERIES_FIELDS},
            **translated("title", spec["title"]),
            **translated("summary", spec["summary"]),
            **translated("venue", spec["venue"]),
        )
    created = sum(_ensure_past_meeting(series, meeting, spec) for meeting in spec["past"])
    if not series.events.filter(start__gte=timezone.now()).exists():
        services.generate_next_occurrences(series=series, count=spec["upcoming"])
    return created


def _ensure_past_meeting(series: EventSeries, meeting: dict, spec: dict) -> bool:
    """A past occurrence of the series, titled with its topic, unless the series has one at that start."""
    start = _at(meeting["day"], series.start_time)
    if series.events.filter(start=start).exists():
        return False
    Event.objects.create(
        series=series,
        slug=f"aamu-{meeting['day'].isoformat()}",
        kind=series.kind,
        format=series.format,
        online_url=series.online_url,
        status=Event.Status.PUBLISHED,
        start=start,
        end=start + dt.timedelta(minutes=series.duration_minutes),
        **translated("title", {lang: f"{title}: {meeting['topic'][lang]}" for lang, title in spec["title"].items()}),
        **translated("summary", spec["summary"]),
        **translated("venue", spec["venue"]),
    )
    return True


def _event_day(on: dict, *, previous: dt.date) -> dt.date:
    """The day an event's `on` names (see the top of data/events.toml)."""
    if "month" in on:
        return _next_date(on["month"], on["day"])
    start = previous if on.get("after") == "previous" else timezone.localdate()
    return _working_day(start + dt.timedelta(weeks=on["weeks"]), WEEKDAYS.index(on["weekday"]))


def _next_date(month: int, day: int) -> dt.date:
    """The next such date from today (this year's if still to come, else next year's)."""
    today = timezone.localdate()
    candidate = dt.date(today.year, month, day)
    return candidate if candidate > today else dt.date(today.year + 1, month, day)


def _working_day(day: dt.date, weekday: int) -> dt.date:
    """The first given weekday on or after `day`, moved past the Christmas and New Year holidays."""
    if (day.month, day.day) >= (12, 18):
        day = dt.date(day.year + 1, 1, 8)
    elif day.month == 1 and day.day < 8:
        day = dt.date(day.year, 1, 8)
    return day + dt.timedelta(days=(weekday - day.weekday()) % 7)


def _at(day: dt.date, time: dt.time) -> dt.datetime:
    return dt.datetime.combine(day, time, tzinfo=HELSINKI)


def _participant(key: str, people: dict):
    """A demo participant (or a demo login, by e-mail), created once without a usable password."""
    if "@" in key:
        return User.objects.get(email=key)
    person = people[key]
    user, created = User.objects.get_or_create(
        email=person["email"],
        defaults={
            "first_name": person["first_name"],
            "last_name": person["last_name"],
            "preferred_language": person["language"],
        },
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _enrol_participants(event: Event, enrolled: dict, people: dict) -> None:
    """Enrol the event's demo participants per mode, in order, as members would (seats first, then the list)."""
    answers = {"diet": "Kasvisruoka"} if any(q["key"] == "diet" for q in event.questions) else {}
    for mode, keys in enrolled.items():
        for key in keys:
            services.enroll(event=event, user=_participant(key, people), mode=mode, answers=answers)


def _subscribe(spec: dict, people: dict) -> None:
    """The morning meetings' series subscribers: each enrolled once in all coming meetings."""
    series = EventSeries.objects.get(rrule=spec["rrule"], kind=spec["kind"])
    for key in spec.get("subscribers", []):
        user = _participant(key, people)
        if not SeriesSubscription.objects.filter(series=series, user=user).exists():
            services.subscribe_to_series(series=series, user=user)


def _ensure_event(spec: dict, day: dt.date, *, questions: dict) -> Event | None:
    """Create the event of `spec` on `day` with its programme and sessions, unless its slug exists (None)."""
    slug = spec["slug"].format(year=day.year)
    if Event.objects.filter(slug=slug).exists():
        return None
    sessions = []  # (first day, last day, spec) of each session
    for session in spec.get("sessions", []):
        first = day + dt.timedelta(weeks=session["weeks"])
        sessions.append((first, first + dt.timedelta(days=session["days"] - 1), session))
    fields = {field: spec[field] for field in EVENT_FIELDS if field in spec}
    for deadline in ["enrollment_closes", "cancellation_deadline"]:
        if f"{deadline}_days_before" in spec:
            fields[deadline] = _at(day - dt.timedelta(days=spec[f"{deadline}_days_before"]), END_OF_DAY)
    event = Event.objects.create(
        slug=slug,
        network=Network.objects.get(slug=spec["network"]) if "network" in spec else None,
        status=Event.Status.PUBLISHED,
        start=_at(day, spec["start"]),
        end=_at(sessions[-1][1] if sessions else day, spec["end"]),
        questions=[questions[name] for name in spec.get("questions", [])],
        **fields,
        **translated("title", {lang: title.format(year=day.year) for lang, title in spec["title"].items()}),
        **translated("summary", spec["summary"]),
        **translated("venue", spec["venue"]),
    )
    for item in spec.get("programme", []):
        ProgrammeItem.objects.create(
            event=event,
            start=_at(day, item["start"]),
            end=_at(day, item["end"]),
            speaker=item.get("speaker", ""),
            **translated("title", item["title"]),
        )
    for first, last, session in sessions:
        EventSession.objects.create(
            event=event,
            start=_at(first, spec["start"]),
            end=_at(last, spec["end"]),
            **translated("title", session["title"]),
            **translated("venue", spec["venue"]),
        )
    return event
