"""A demo newsletter issue about the coming demo events (data/newsletter_events.toml), with their real dates.

Created once, found by its Finnish subject; the dates are those of the events when it is created.
"""

from django.utils import formats, timezone, translation

from accounts.models import User
from events.models import Event, EventKind
from newsletter.models import NewsletterIssue

from .loading import read_data, report, translated

# placeholder -> how the coming event is found
EVENTS = {
    "morning": {"kind": EventKind.MORNING_MEETING},
    "good_spiral_day": {"slug__startswith": "hyva-kierre-paiva-"},
    "networking_day": {"slug__startswith": "verkostopaiva-"},
    "fall_workshop": {"slug": "tyopaja-fall-prevention"},
}


def seed(stdout) -> None:
    data = read_data("newsletter_events")
    created = 0
    if not NewsletterIssue.objects.filter(subject_fi=data["subject"]["fi"]).exists():
        days = _event_days()
        if days is not None:
            NewsletterIssue.objects.create(
                created_by=User.objects.filter(email=data["created_by"]).first(),
                **translated("subject", data["subject"]),
                **translated(
                    "body", {language: _fill(body, days, language) for language, body in data["body"].items()}
                ),
            )
            created = 1
    report(stdout, "newsletter issue about the coming events", created=created, total=1)


def _event_days() -> dict | None:
    """The start day of the next published event of each placeholder; None if one is missing."""
    upcoming = Event.objects.filter(status=Event.Status.PUBLISHED, start__gte=timezone.now()).order_by("start")
    days = {}
    for name, lookup in EVENTS.items():
        event = upcoming.filter(**lookup).first()
        if event is None:
            return None
        days[name] = timezone.localdate(event.start)
    return days


def _fill(body: str, days: dict, language: str) -> str:
    with translation.override(language):
        return body.format(**{name: formats.date_format(day, "DATE_FORMAT") for name, day in days.items()})
