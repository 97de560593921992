"""The statistics' figures, each from one aggregate query (GROUP BY in the database), whatever the size of the data.

Definitions the figures share:
- the period's events are the published events that start in the period (cancelled events are counted apart);
- enrolled: a confirmed seat in such an event (a waiting list place or a cancelled enrolment is not one);
- attended: a confirmed enrolment marked present;
- attendance rate and no-shows count the events whose attendance was marked (someone marked present);
- a network scope limits events, memberships and materials to the networks' own; the newsletter has no network.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import (
    Avg,
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.utils import timezone

from events.models import Enrollment, Event, EventFormat, EventKind
from materials.models import Material
from networks.models import Membership, Network
from newsletter.models import Delivery, NewsletterIssue, Subscriber


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
        return _local_midnight(self.first_day)

    @property
    def end(self) -> dt.datetime:
        """The first moment after the period."""
        return _local_midnight(self.last_day + dt.timedelta(days=1))

    @property
    def includes_newsletter(self) -> bool:
        return self.network_ids is None

    def months(self) -> list[tuple[dt.date, dt.datetime, dt.datetime]]:
        """(first day, start, end) of each calendar month the period touches, cut to the period."""
        months, first = [], self.first_day.replace(day=1)
        while first <= self.last_day:
            following = (first + dt.timedelta(days=32)).replace(day=1)
            start = _local_midnight(max(first, self.first_day))
            end = _local_midnight(min(following, self.last_day + dt.timedelta(days=1)))
            months.append((first, start, end))
            first = following
        return months


def _local_midnight(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time()), timezone.get_default_timezone())


def _in_period(field: str, scope: ReportScope) -> Q:
    return Q(**{f"{field}__gte": scope.start, f"{field}__lt": scope.end})


def _in_networks(field: str, scope: ReportScope) -> Q:
    return Q() if scope.network_ids is None else Q(**{f"{field}__in": scope.network_ids})


def networks_for_report(network_ids) -> list[Network]:
    """The networks a person may pick: all, or those of `network_ids` (a coordinator's); by kind and order."""
    networks = Network.objects.order_by("kind", "order", "slug")
    return list(networks if network_ids is None else networks.filter(pk__in=network_ids))


# --- Reach ----------------------------------------------------------------------------------------------------
def _confirmed_enrollments(scope: ReportScope):
    return Enrollment.objects.filter(
        _in_period("event__start", scope),
        _in_networks("event__network", scope),
        status=Enrollment.Status.CONFIRMED,
        event__status=Event.Status.PUBLISHED,
    )


PEOPLE = {
    "enrolled": Count("user", distinct=True),
    "attended": Count("user", distinct=True, filter=Q(attended=True)),
}


def reach_totals(scope: ReportScope) -> dict:
    """Distinct professionals with a seat in the period's events, and how many of them attended."""
    return _confirmed_enrollments(scope).aggregate(**PEOPLE)


def new_professionals(scope: ReportScope) -> int:
    """Professionals enrolled in the period who had no seat in any earlier event (in the same networks)."""
    earlier = Enrollment.objects.filter(
        _in_networks("event__network", scope),
        user=OuterRef("user"),
        status=Enrollment.Status.CONFIRMED,
        event__status=Event.Status.PUBLISHED,
        event__start__lt=scope.start,
    )
    return _confirmed_enrollments(scope).filter(~Exists(earlier)).aggregate(count=Count("user", distinct=True))["count"]


REACH_GROUPS = {"region": "user__region", "profession": "user__profession", "network": "event__network"}


def reach_by(scope: ReportScope, group: str) -> dict:
    """{region, profession or network id: {"enrolled": n, "attended": n}}; "" or None for not given."""
    rows = _confirmed_enrollments(scope).values(key=F(REACH_GROUPS[group])).annotate(**PEOPLE).order_by()
    return {row["key"]: {"enrolled": row["enrolled"], "attended": row["attended"]} for row in rows}


# --- Events ---------------------------------------------------------------------------------------------------
def _period_events(scope: ReportScope, status=Event.Status.PUBLISHED):
    return Event.objects.filter(_in_period("start", scope), _in_networks("network", scope), status=status)


def _enrolments(status, **more) -> Count:
    return Count(
        "enrollments", filter=Q(enrollments__status=status, **{f"enrollments__{k}": v for k, v in more.items()})
    )


EVENT_FIGURES = [
    "events",
    "enrolments",
    "attended",
    "enrolments_marked",
    "no_shows",
    "unmarked_events",
    "cancellations",
    "filled_events",
    "never_seated",
    "hybrid_events",
    "hybrid_onsite",
    "hybrid_online",
]

# Summed over the per-event counts of the inner query, per kind (the columns follow EVENT_FIGURES).
EVENTS_BY_KIND_SQL = """
SELECT event_kind,
  COUNT(*),
  SUM(confirmed),
  SUM(attended),
  SUM(CASE WHEN attended > 0 THEN confirmed ELSE 0 END),
  SUM(CASE WHEN attended > 0 THEN confirmed - attended ELSE 0 END),
  SUM(CASE WHEN has_ended = 1 AND attended = 0 THEN 1 ELSE 0 END),
  SUM(cancelled),
  SUM(CASE WHEN event_capacity IS NOT NULL AND (confirmed >= event_capacity OR waitlisted > 0) THEN 1 ELSE 0 END),
  SUM(CASE WHEN has_ended = 1 THEN waitlisted ELSE 0 END),
  SUM(is_hybrid),
  SUM(CASE WHEN is_hybrid = 1 THEN onsite ELSE 0 END),
  SUM(CASE WHEN is_hybrid = 1 THEN online ELSE 0 END)
FROM ({per_event}) AS per_event
GROUP BY event_kind
"""


def events_by_kind(scope: ReportScope) -> dict[str, dict]:
    """{kind: {figure: n}} for the figures of EVENT_FIGURES, and "cancelled_events", for every kind.

    Two levels in one query: the ORM counts each event's enrolments (GROUP BY event), and the outer SELECT sums
    them per kind, so that "events that filled" and "attendance marked" are judged event by event. Waiting list
    places left in an event that has ended are people who never got a seat.
    """
    one = Value(1)
    per_event = (
        _period_events(scope)
        .annotate(
            event_kind=F("kind"),
            event_capacity=F("capacity"),
            has_ended=Case(When(end__lte=timezone.now(), then=one), default=Value(0), output_field=IntegerField()),
            is_hybrid=Case(When(format=EventFormat.HYBRID, then=one), default=Value(0), output_field=IntegerField()),
            confirmed=_enrolments(Enrollment.Status.CONFIRMED),
            attended=_enrolments(Enrollment.Status.CONFIRMED, attended=True),
            waitlisted=_enrolments(Enrollment.Status.WAITLISTED),
            cancelled=_enrolments(Enrollment.Status.CANCELLED),
            onsite=_enrolments(Enrollment.Status.CONFIRMED, mode=Enrollment.Mode.ONSITE),
            online=_enrolments(Enrollment.Status.CONFIRMED, mode=Enrollment.Mode.ONLINE),
        )
        .values(
            "event_kind",
            "event_capacity",
            "has_ended",
            "is_hybrid",
            "confirmed",
            "attended",
            "waitlisted",
            "cancelled",
            "onsite",
            "online",
        )
        .order_by()
    )
    sql, params = per_event.query.sql_with_params()
    figures = {kind: dict.fromkeys([*EVENT_FIGURES, "cancelled_events"], 0) for kind in EventKind.values}
    with connection.cursor() as cursor:
        cursor.execute(EVENTS_BY_KIND_SQL.format(per_event=sql), params)
        for kind, *values in cursor.fetchall():
            figures[kind].update(zip(EVENT_FIGURES, (int(value or 0) for value in values), strict=True))
    cancelled = _period_events(scope, Event.Status.CANCELLED).values("kind").annotate(n=Count("pk")).order_by()
    for row in cancelled:
        figures[row["kind"]]["cancelled_events"] = row["n"]
    return figures


def morning_meetings(scope: ReportScope) -> list[Event]:
    """The period's morning meetings by date, each with `enrolled`, `attended` and `waitlisted` (one query)."""
    return list(
        _period_events(scope)
        .filter(kind=EventKind.MORNING_MEETING)
        .annotate(
            enrolled=_enrolments(Enrollment.Status.CONFIRMED),
            attended=_enrolments(Enrollment.Status.CONFIRMED, attended=True),
            waitlisted=_enrolments(Enrollment.Status.WAITLISTED),
        )
        .order_by("start", "pk")
    )


# --- Networks -------------------------------------------------------------------------------------------------
WAIT = ExpressionWrapper(F("decided_at") - F("requested_at"), output_field=DurationField())


def _member_at(moment: dt.datetime) -> Q:
    """A member at `moment`: joined before it and still active, or left only after it."""
    return Q(joined_at__lt=moment) & (Q(status=Membership.Status.ACTIVE) | Q(left_at__gte=moment))


def _membership_figures(scope: ReportScope) -> dict:
    decided = _in_period("decided_at", scope)
    pending = Q(status=Membership.Status.PENDING)
    return {
        "joins": Count("pk", filter=_in_period("joined_at", scope)),
        "leaves": Count("pk", filter=_in_period("left_at", scope)),
        "members_at_end": Count("pk", filter=_member_at(scope.end)),
        "pending_now": Count("pk", filter=pending),
        "oldest_pending": Min("requested_at", filter=pending),
        "decided": Count("pk", filter=decided),
        "average_wait": Avg(WAIT, filter=decided, output_field=DurationField()),
        "longest_wait": Max(WAIT, filter=decided, output_field=DurationField()),
    }


def membership_totals(scope: ReportScope) -> dict:
    """Joins, leaves and members month by month ("months": [{month, joins, leaves, members}]), and for the
    whole period: joins, leaves, members at its end, decisions and how long they took, requests pending now."""
    aggregates = _membership_figures(scope)
    months = scope.months()
    for index, (_first, start, end) in enumerate(months):
        aggregates[f"joins_{index}"] = Count("pk", filter=Q(joined_at__gte=start, joined_at__lt=end))
        aggregates[f"leaves_{index}"] = Count("pk", filter=Q(left_at__gte=start, left_at__lt=end))
        aggregates[f"members_{index}"] = Count("pk", filter=_member_at(end))
    row = Membership.objects.filter(_in_networks("network", scope)).aggregate(**aggregates)
    row["months"] = [
        {"month": first, **{name: row.pop(f"{name}_{index}") for name in ("joins", "leaves", "members")}}
        for index, (first, _start, _end) in enumerate(months)
    ]
    return row


def membership_by_network(scope: ReportScope) -> dict[int, dict]:
    """The period's membership figures of membership_totals (without months), per network id."""
    rows = (
        Membership.objects.filter(_in_networks("network", scope))
        .values("network")
        .annotate(**_membership_figures(scope))
        .order_by()
    )
    return {row.pop("network"): row for row in rows}


# --- Newsletter -----------------------------------------------------------------------------------------------
def _subscribed_at(moment: dt.datetime) -> Q:
    return Q(consented_at__lt=moment) & (Q(unsubscribed_at__isnull=True) | Q(unsubscribed_at__gte=moment))


def subscribers_by_language(scope: ReportScope) -> dict:
    """Per language: subscribers at the end of each month ("months": {language: [n...]}), new subscriptions and
    unsubscriptions in the period, and subscribers at its end."""
    languages = [code for code, _name in settings.LANGUAGES]
    months = scope.months()
    aggregates = {}
    for language in languages:
        is_language = Q(language=language)
        aggregates[f"{language}_new"] = Count("pk", filter=is_language & _in_period("consented_at", scope))
        aggregates[f"{language}_left"] = Count("pk", filter=is_language & _in_period("unsubscribed_at", scope))
        aggregates[f"{language}_at_end"] = Count("pk", filter=is_language & _subscribed_at(scope.end))
        for index, (_first, _start, end) in enumerate(months):
            aggregates[f"{language}_{index}"] = Count("pk", filter=is_language & _subscribed_at(end))
    row = Subscriber.objects.aggregate(**aggregates)
    return {
        "months": [first for first, _start, _end in months],
        "languages": {
            language: {
                "new": row[f"{language}_new"],
                "left": row[f"{language}_left"],
                "at_end": row[f"{language}_at_end"],
                "months": [row[f"{language}_{index}"] for index in range(len(months))],
            }
            for language in languages
        },
    }


def sent_issues(scope: ReportScope) -> list[NewsletterIssue]:
    """Issues sent in the period by date, with `delivered`, `failed` and `unsubscribed`: recipients of the issue
    who unsubscribed (not for bouncing) after it went out and before the next issue did (one query)."""
    next_sent_at = (
        NewsletterIssue.objects.filter(status=NewsletterIssue.Status.SENT, sent_at__gt=OuterRef("sent_at"))
        .order_by("sent_at")
        .values("sent_at")[:1]
    )
    left = "deliveries__subscriber__unsubscribed_at"
    return list(
        NewsletterIssue.objects.filter(_in_period("sent_at", scope), status=NewsletterIssue.Status.SENT)
        .annotate(next_sent_at=Subquery(next_sent_at))
        .annotate(
            delivered=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
            failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
            unsubscribed=Count(
                "deliveries",
                filter=Q(deliveries__status=Delivery.Status.SENT, **{f"{left}__gte": F("sent_at")})
                & (Q(next_sent_at__isnull=True) | Q(**{f"{left}__lt": F("next_sent_at")}))
                & ~Q(deliveries__subscriber__unsubscribe_reason=Subscriber.UnsubscribeReason.BOUNCING),
            ),
        )
        .order_by("sent_at", "pk")
    )


# --- Material bank --------------------------------------------------------------------------------------------
def _materials(scope: ReportScope):
    materials = Material.objects.all()
    if scope.network_ids is not None:
        linked = Material.networks.through.objects.filter(material=OuterRef("pk"), network__in=scope.network_ids)
        materials = materials.filter(Exists(linked))
    return materials


def downloads_by_kind(scope: ReportScope) -> dict[str, dict]:
    """{kind: {"materials": n, "downloads": n}} for every kind; downloads counted since each material was added."""
    figures = {kind: {"materials": 0, "downloads": 0} for kind in Material.Kind.values}
    rows = _materials(scope).values("kind").annotate(materials=Count("pk"), downloads=Sum("download_count"))
    for row in rows.order_by():
        figures[row["kind"]] = {"materials": row["materials"], "downloads": row["downloads"] or 0}
    return figures


def most_downloaded(scope: ReportScope, limit: int = 10) -> list[Material]:
    """The materials downloaded most, most first (only those downloaded at all)."""
    return list(_materials(scope).filter(download_count__gt=0).order_by("-download_count", "pk")[:limit])
