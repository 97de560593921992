"""Occurrences of recurring event series, from their RFC 5545 RRULE (python-dateutil).

The rule is applied to the series' local wall-clock start (Europe/Helsinki), and each occurrence is then
placed in that zone: a 08:15 meeting stays at 08:15 on both sides of a daylight-saving change.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import DAILY, rrule, rrulestr
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .models import Event, EventFormat, EventSeries

INVALID_RULE = _("This is not a valid recurrence rule (%(error)s). Example: FREQ=MONTHLY;BYDAY=-1TU")
TOO_FREQUENT = _("A series may repeat at most daily.")
NO_DTSTART = _("Leave DTSTART out of the rule: the series' first date and start time give it.")

LOCAL_ZONE = ZoneInfo(settings.TIME_ZONE)
MAX_OCCURRENCES_PER_RUN = 100
KEEP_GENERATED_MONTHS = 3


def parse_rrule(text: str, *, dtstart: dt.datetime) -> rrule:
    """The rule of a series, or a ValidationError with a message a staff member can act on."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if "DTSTART" in body.upper():
        raise ValidationError(NO_DTSTART, code="dtstart")
    try:
        rule = rrulestr(body, dtstart=dtstart)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise ValidationError(INVALID_RULE, code="invalid", params={"error": error}) from None
    if not isinstance(rule, rrule):
        raise ValidationError(INVALID_RULE, code="invalid", params={"error": "RRULE"})
    if rule._freq > DAILY:  # HOURLY, MINUTELY, SECONDLY
        raise ValidationError(TOO_FREQUENT, code="frequency")
    return rule


def validate_rrule(text: str) -> None:
    """Validator for EventSeries.rrule in forms and the admin."""
    parse_rrule(text, dtstart=dt.datetime(2000, 1, 1))


def occurrence_starts(series: EventSeries, *, after: dt.datetime, until: dt.datetime | None = None, count=None):
    """Aware start times of the series' occurrences after `after`, up to `until` and at most `count` of them."""
    first = dt.datetime.combine(series.starts_on, series.start_time)  # naive local wall time
    rule = parse_rrule(series.rrule, dtstart=first)
    limit = min(count or MAX_OCCURRENCES_PER_RUN, MAX_OCCURRENCES_PER_RUN)
    after_local = timezone.localtime(after, LOCAL_ZONE).replace(tzinfo=None)
    until_local = timezone.localtime(until, LOCAL_ZONE).replace(tzinfo=None) if until else None
    starts = []
    occurrence = rule.after(after_local)
    while occurrence is not None and len(starts) < limit:
        if until_local is not None and occurrence > until_local:
            break
        starts.append(occurrence.replace(tzinfo=LOCAL_ZONE))
        occurrence = rule.after(occurrence)
    return starts


def generate_occurrences(*, series: EventSeries, count: int | None = None, until: dt.datetime | None = None):
    """Create the series' next occurrences that do not exist yet, and return them.

    `count` asks for the next N dates from now, `until` for every date up to then (both may be given).
    Idempotent: an occurrence that exists (same series and start) is left as it is, with its own topic.
    The series row is locked, so two runs at once cannot create the same occurrence twice; the database's
    unique (series, start) constraint holds the rule in any case. The series' subscribers are enrolled in each
    new occurrence in the same transaction (the series lock keeps a member subscribing meanwhile from missing it).
    """
    from .services.series_subscriptions import enroll_subscribers

    if count is None and until is None:
        raise ValueError("Give count or until.")
    created = []
    with transaction.atomic():
        # NO KEY UPDATE, as subscribing takes it (services.series_subscriptions): exclusive between the two, yet no
        # obstacle to the deferred foreign-key checks of transactions that touched an occurrence.
        series = EventSeries.objects.select_for_update(no_key=True).get(pk=series.pk)
        if not series.is_active:
            return created
        starts = occurrence_starts(series, after=timezone.now(), until=until, count=count)
        existing = set(series.events.filter(start__in=starts).values_list("start", flat=True))
        for start in starts:
            if start in existing:
                continue
            occurrence = _create_occurrence(series, start)
            enroll_subscribers(event=occurrence)
            created.append(occurrence)
    return created


def keep_series_generated(*, months: int = KEEP_GENERATED_MONTHS) -> int:
    """Generate every active series' occurrences for the coming months (Celery beat runs this daily)."""
    horizon = timezone.now() + relativedelta(months=months)
    total = 0
    for series in EventSeries.objects.filter(is_active=True).only("pk"):
        total += len(generate_occurrences(series=series, until=horizon))
    return total


def _create_occurrence(series: EventSeries, start: dt.datetime) -> Event:
    local_day = start.astimezone(LOCAL_ZONE).date()
    base_slug = slugify(f"{series.title_fi or series.title} {local_day.isoformat()}")[:110] or "event"
    slug, n = base_slug, 1
    while Event.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base_slug}-{n}"
    fields = {
        f"{name}_{language}": getattr(series, f"{name}_{language}")
        for name in ("title", "summary", "description", "venue")
        for language in ("fi", "sv", "en")
    }
    return Event.objects.create(
        series=series,
        slug=slug,
        kind=series.kind,
        network=series.network,
        audience=series.audience,
        format=series.format,
        online_url=series.online_url,
        # A hybrid series' capacity is its on-site one; online seats are unlimited unless staff set them.
        capacity=None if series.format == EventFormat.HYBRID else series.capacity,
        capacity_onsite=series.capacity if series.format == EventFormat.HYBRID else None,
        start=start,
        end=start + dt.timedelta(minutes=series.duration_minutes),
        status=Event.Status.PUBLISHED,
        **fields,
    )
