"""The two query shapes the statistics need beyond a plain GROUP BY: an aggregation of an aggregation, and counts
per month with the months before the period folded into one, for running totals."""

import datetime as dt

from django.db import connection
from django.db.models import Case, Count, DateField, F, Value, When
from django.db.models.functions import TruncMonth

from .scope import ReportScope


def aggregate_again(inner, select: str, group_by: str = "") -> list[tuple]:
    """SELECT `select` FROM (the inner queryset) [GROUP BY ...]: a second level of aggregation in the database.

    The ORM builds the inner query (its filters and scope); the outer one sums its rows, so that what is judged
    row by row inside (a person's first seat, an event that filled) is counted per group in the same query.
    """
    sql, params = inner.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {select} FROM ({sql}) AS inner_rows {group_by}", params)
        return cursor.fetchall()


def monthly_counts(queryset, moment, scope: ReportScope, *, by: str | None = None) -> dict:
    """How many rows have `moment` (a field name or an expression) before the period (month None) and in each of
    its months (the month's first day), up to the period's end: {(value of `by`, month): count}, one GROUP BY."""
    moment = F(moment) if isinstance(moment, str) else moment
    month = Case(
        When(moment__lt=scope.start, then=Value(None)),
        default=TruncMonth("moment", output_field=DateField()),
        output_field=DateField(),
    )
    rows = (
        queryset.annotate(moment=moment)
        .filter(moment__lt=scope.end)
        .annotate(month=month)
        .values("month", *([by] if by else []))
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {(row[by] if by else None, _day(row["month"])): row["count"] for row in rows}


def _day(value):
    """PostgreSQL hands back the month of a CASE as a timestamp, SQLite as a date."""
    return value.date() if isinstance(value, dt.datetime) else value


def running_totals(arrivals: dict, departures: dict, months: list[dt.date], key=None) -> list[int]:
    """How many are in (arrived and not departed) at the end of each month: a running sum over the months."""
    inside = arrivals.get((key, None), 0) - departures.get((key, None), 0)
    totals = []
    for month in months:
        inside += arrivals.get((key, month), 0) - departures.get((key, month), 0)
        totals.append(inside)
    return totals
