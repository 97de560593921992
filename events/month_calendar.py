"""The events page's month view: which month a visitor asked for (`?view=month&month=2026-12`), within what range,
and the weeks of that month (Monday first, as in Finland) with each day's events."""

import calendar
import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MONTH_SHAPE = re.compile(r"(\d{4})-(\d{1,2})")
YEARS_EITHER_WAY = 5  # the archive and the plans reach a few years; further is a typo or a crawler

MESSAGES = {
    "shape": _("Give the month as year and month, for example %(example)s. Here is the current month."),
    "range": _("The calendar covers the months from %(first)s to %(last)s. Here is the current month."),
}


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    events: list = field(default_factory=list)


def month_range(today: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last month (their first days) that the calendar shows."""
    first = today.replace(day=1)
    return first.replace(year=first.year - YEARS_EITHER_WAY), first.replace(year=first.year + YEARS_EITHER_WAY)


def parse_month(value: str | None, *, today: dt.date) -> tuple[dt.date, str | None]:
    """The first day of the month asked for, or of the current month with a message when the value is malformed
    or out of range. The shape is checked before anything else, so any string is a safe input."""
    current = today.replace(day=1)
    if not value:
        return current, None
    match = MONTH_SHAPE.fullmatch(value.strip()) if len(value) <= 10 else None
    if not match or not 1 <= int(match.group(2)) <= 12:
        return current, str(MESSAGES["shape"] % {"example": current.strftime("%Y-%m")})
    month = dt.date(int(match.group(1)), int(match.group(2)), 1)
    first, last = month_range(today)
    if not first <= month <= last:
        return current, str(MESSAGES["range"] % {"first": first.strftime("%Y-%m"), "last": last.strftime("%Y-%m")})
    return month, None


def month_bounds(month: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The month's first moment and the next month's first moment, in Finnish time."""
    following = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    zone = timezone.get_default_timezone()
    return (
        dt.datetime.combine(month, dt.time.min, tzinfo=zone),
        dt.datetime.combine(following, dt.time.min, tzinfo=zone),
    )


def weeks_of(month: dt.date, events, *, today: dt.date) -> list[list[Day]]:
    """The month's weeks, Monday first, each day with the events that start on it (in Finnish time)."""
    by_day = defaultdict(list)
    for event in events:
        by_day[timezone.localtime(event.start).date()].append(event)
    return [
        [Day(day, day.month == month.month, day == today, by_day.get(day, [])) for day in week]
        for week in calendar.Calendar(firstweekday=calendar.MONDAY).monthdatescalendar(month.year, month.month)
    ]


def neighbour_url(query: QueryDict, month: dt.date, *, step: int, today: dt.date) -> str | None:
    """The address of the previous (`step` -1) or next (+1) month with the same filters; None past the range."""
    if step < 0:
        target = (month - dt.timedelta(days=1)).replace(day=1)
    else:
        target = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    first, last = month_range(today)
    if not first <= target <= last:
        return None
    changed = query.copy()
    changed.pop("page", None)
    changed["view"] = "month"
    changed["month"] = target.strftime("%Y-%m")
    return f"?{changed.urlencode()}"
