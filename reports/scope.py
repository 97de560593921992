"""What the statistics cover: a period of local days and, for a coordinator or a chosen network, some networks."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone


@dataclass(frozen=True)
class ReportScope:
    """The period (local dates, both days included) and the networks the figures are limited to.

    `network_ids` None means every network and the events outside networks; a set (possibly empty) limits the
    figures to those networks' events, memberships and materials.
    """

    first_day: dt.date
    last_day: dt.date
    network_ids: frozenset[int] | None = None
    year: int | None = None

    @property
    def start(self) -> dt.datetime:
        return local_midnight(self.first_day)

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period."""
        return local_midnight(self.last_day + dt.timedelta(days=1))

    @property
    def includes_newsletter(self) -> bool:
        return self.network_ids is None

    def months(self) -> list[dt.date]:
        """The first day of each calendar month the period touches."""
        months, first = [], self.first_day.replace(day=1)
        while first <= self.last_day:
            months.append(first)
            first = (first + dt.timedelta(days=32)).replace(day=1)
        return months


def local_midnight(day: dt.date) -> dt.datetime:
    """The first moment of a day in the portal's time zone (Europe/Helsinki)."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_default_timezone())


def _in_period(field: str, scope: ReportScope) -> Q:
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def _in_networks(field: str, scope: ReportScope) -> Q:
    return Q() if scope.network_ids is None else Q(**{f"{field}__in": scope.network_ids})


def in_period(field: str, scope: ReportScope) -> Q:
    """`field` (a date-time lookup path) falls in the scope's period."""
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def in_networks(field: str, scope: ReportScope) -> Q:
    """`field` (a network lookup path) is one of the scope's networks, when the scope limits them."""
    return Q() if scope.network_ids is None else Q(**{f"{field}__in": scope.network_ids})
