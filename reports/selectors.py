"""The statistics' figures, from a few aggregate queries each (GROUP BY in the database): as many queries for ten
rows as for a million, and no loop over rows in Python.

Definitions the figures share:
- the period's events are the published events that start in the period (cancelled events are counted apart);
- enrolled: a confirmed seat in such an event (a waiting list place or a cancelled enrolment is not one);
- attended: a confirmed enrolment marked present;
- attendance rate and no-shows count the events whose attendance was marked (someone marked present);
- a network scope limits events, memberships and materials to the networks' own; the newsletter has no network.
"""

import datetime as dt

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import (
    Avg,
    Case,
    Count,
    DateTimeField,
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
from django.db.models.functions import Coalesce
from django.utils import timezone

from events.models import Enrollment, Event, EventFormat, EventKind
from materials.models import Material
from networks.models import Membership, Network
from newsletter.models import Delivery, NewsletterIssue, Subscriber

from .aggregation import aggregate_again, monthly_counts, running_totals
from .scope import ReportScope, in_networks, in_period


def networks_for_report(network_ids) -> list[Network]:
    """The networks a person may pick: all, or those of `network_ids` (a coordinator's); by kind and order."""
    networks = Network.objects.order_by("kind", "order", "slug")
    return list(networks if network_ids is None else networks.filter(pk__in=network_ids))


# --- Reach ----------------------------------------------------------------------------------------------------
def _seats(scope: ReportScope, *, since_ever=False):
    """Confirmed enrolments in the scope's published events of the period (or of all time until its end)."""
    return Enrollment.objects.filter(
        in_networks("event__network", scope),
        Q(event__start__lt=scope.end) if since_ever else in_period("event__start", scope),
        status=Enrollment.Status.CONFIRMED,
        event__status=Event.Status.PUBLISHED,
    )


def _flag(condition: Q) -> Max:
    """1 if any of the grouped rows meets the condition, else 0."""
    return Max(Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField()))


def _since(moment: dt.datetime, field: str) -> Case:
    """1 if the (aggregated) moment `field` is at or after `moment`, else 0: judged once per group, not per row."""
    return Case(When(**{f"{field}__gte": moment}, then=Value(1)), default=Value(0), output_field=IntegerField())


def reach(scope: ReportScope) -> dict:
    """Distinct professionals with a seat in the period's events ("enrolled"), those marked present ("attended"),
    and those whose first seat ever (in the same networks) was in the period ("new"): in total and by region and
    by profession ({"total": {...}, "region": {region: {...}}, "profession": {...}}).

    One query: the inner level makes one row per person (their first and last seat, their last presence), the
    outer one counts the people per region and profession; the totals and the two breakdowns are sums of those
    few groups (a person whose seats all lie before the period counts nowhere).
    """
    people = (
        _seats(scope, since_ever=True)
        .values(person=F("user"))
        .annotate(
            last_start=Max("event__start"),
            last_present=Max("event__start", filter=Q(attended=True)),
            first_start=Min("event__start"),
        )
        .annotate(
            seated=_since(scope.start, "last_start"),
            present=_since(scope.start, "last_present"),
            is_new=_since(scope.start, "first_start"),
        )
        .order_by()
    )
    users = get_user_model()._meta.db_table
    # No HAVING on the people: the planner then expects them all and joins the users by hash, not one by one.
    rows = aggregate_again(
        people,
        "region, profession, SUM(seated), SUM(present), SUM(is_new)",
        f"JOIN {users} ON {users}.id = inner_rows.person GROUP BY region, profession",
    )
    figures = {"total": _people_counts(), "region": {}, "profession": {}}
    for region, profession, enrolled, attended, new in rows:
        if not enrolled:
            continue
        for counts in (
            figures["total"],
            figures["region"].setdefault(region, _people_counts()),
            figures["profession"].setdefault(profession, _people_counts()),
        ):
            counts["enrolled"] += int(enrolled)
            counts["attended"] += int(attended or 0)
            counts["new"] += int(new or 0)
    return figures


def _people_counts() -> dict:
    return {"enrolled": 0, "attended": 0, "new": 0}


def reach_by_network(scope: ReportScope) -> dict:
    """{network id (None: events outside networks): {"enrolled": n, "attended": n}}: each person once per network."""
    people = (
        _seats(scope)
        .values("user", network_key=F("event__network"))
        .annotate(present=_flag(Q(attended=True)))
        .order_by()
    )
    rows = aggregate_again(people, "network_key, COUNT(*), SUM(present)", "GROUP BY network_key")
    return {network: {"enrolled": enrolled, "attended": int(attended or 0)} for network, enrolled, attended in rows}


# --- Events ---------------------------------------------------------------------------------------------------
def _period_events(scope: ReportScope, status=Event.Status.PUBLISHED):
    return Event.objects.filter(in_period("start", scope), in_networks("network", scope), status=status)


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
  event_kind,
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
    figures = {kind: dict.fromkeys([*EVENT_FIGURES, "cancelled_events"], 0) for kind in EventKind.values}
    for kind, *values in aggregate_again(per_event, EVENTS_BY_KIND_SQL, "GROUP BY event_kind"):
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
# When a membership stopped counting: the last departure, for a membership that is not active now (one that never
# left, such as a request rejected, stops as it starts). A member at a moment joined before it and had not stopped.
MEMBERSHIP_END = Case(
    When(status=Membership.Status.ACTIVE, then=Value(None)),
    default=Coalesce("left_at", "joined_at"),
    output_field=DateTimeField(),
)


def _member_at(moment: dt.datetime) -> Q:
    """A member at `moment`: joined before it and still active, or left only after it."""
    return Q(joined_at__lt=moment) & (Q(status=Membership.Status.ACTIVE) | Q(left_at__gte=moment))


def _membership_figures(scope: ReportScope) -> dict:
    decided = in_period("decided_at", scope)
    pending = Q(status=Membership.Status.PENDING)
    return {
        "pending_now": Count("pk", filter=pending),
        "oldest_pending": Min("requested_at", filter=pending),
        "decided": Count("pk", filter=decided),
        "average_wait": Avg(WAIT, filter=decided, output_field=DurationField()),
        "longest_wait": Max(WAIT, filter=decided, output_field=DurationField()),
    }


def membership_totals(scope: ReportScope) -> dict:
    """Joins, leaves and members month by month ("months": [{month, joins, leaves, members}]), and for the
    whole period: joins, leaves, members at its end, decisions and how long they took, requests pending now.

    Four queries: a GROUP BY month each for the joins, the departures and the ends of membership (the members
    at each month's end are a running sum of them), and the figures of the decisions."""
    memberships = Membership.objects.filter(in_networks("network", scope))
    months = scope.months()
    joins = monthly_counts(memberships, "joined_at", scope)
    leaves = monthly_counts(memberships, "left_at", scope)
    ends = monthly_counts(memberships.filter(joined_at__isnull=False), MEMBERSHIP_END, scope)
    members = running_totals(joins, ends, months)
    row = memberships.aggregate(**_membership_figures(scope))
    row["months"] = [
        {"month": month, "joins": joins.get((None, month), 0), "leaves": leaves.get((None, month), 0), "members": n}
        for month, n in zip(months, members, strict=True)
    ]
    row["joins"] = sum(month["joins"] for month in row["months"])
    row["leaves"] = sum(month["leaves"] for month in row["months"])
    row["members_at_end"] = members[-1]
    return row


def membership_by_network(scope: ReportScope) -> dict[int, dict]:
    """The period's membership figures of membership_totals (without months), per network id."""
    rows = (
        Membership.objects.filter(in_networks("network", scope))
        .values("network")
        .annotate(
            joins=Count("pk", filter=in_period("joined_at", scope)),
            leaves=Count("pk", filter=in_period("left_at", scope)),
            members_at_end=Count("pk", filter=_member_at(scope.end)),
            **_membership_figures(scope),
        )
        .order_by()
    )
    return {row.pop("network"): row for row in rows}


# --- Newsletter -----------------------------------------------------------------------------------------------
def subscribers_by_language(scope: ReportScope) -> dict:
    """Per language: subscribers at the end of each month ("months": [n...]), new subscriptions and
    unsubscriptions in the period, and subscribers at its end.

    A subscriber counts from their consent until they unsubscribe; an unsubscription older than the consent was
    undone by a new subscription. Two queries: a GROUP BY language and month of the consents and of the
    unsubscriptions, summed month by month."""
    languages = [code for code, _name in settings.LANGUAGES]
    months = scope.months()
    consented = Subscriber.objects.filter(consented_at__isnull=False)
    joined = monthly_counts(consented, "consented_at", scope, by="language")
    left = monthly_counts(
        consented.filter(unsubscribed_at__gte=F("consented_at")), "unsubscribed_at", scope, by="language"
    )
    figures = {}
    for language in languages:
        at_month_ends = running_totals(joined, left, months, key=language)
        figures[language] = {
            "new": sum(joined.get((language, month), 0) for month in months),
            "left": sum(left.get((language, month), 0) for month in months),
            "at_end": at_month_ends[-1],
            "months": at_month_ends,
        }
    return {"months": months, "languages": figures}


def sent_issues(scope: ReportScope) -> list[NewsletterIssue]:
    """Issues sent in the period by date, with `delivered`, `failed` and `unsubscribed`: the subscribers for whom
    it was the last issue received before they unsubscribed (not for bouncing). Two queries."""
    issues = list(
        NewsletterIssue.objects.filter(in_period("sent_at", scope), status=NewsletterIssue.Status.SENT)
        .annotate(
            delivered=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
            failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
        )
        .order_by("sent_at", "pk")
    )
    last_received = (
        Delivery.objects.filter(
            subscriber=OuterRef("pk"),
            status=Delivery.Status.SENT,
            issue__status=NewsletterIssue.Status.SENT,
            issue__sent_at__lte=OuterRef("unsubscribed_at"),
        )
        .order_by("-issue__sent_at", "-issue")
        .values("issue")[:1]
    )
    unsubscribed = dict(
        Subscriber.objects.filter(Q(unsubscribed_at__gte=scope.start), Q(unsubscribed_at__gte=F("consented_at")))
        .exclude(unsubscribe_reason=Subscriber.UnsubscribeReason.BOUNCING)
        .annotate(last_issue=Subquery(last_received))
        .values("last_issue")
        .annotate(count=Count("pk"))
        .order_by()
        .values_list("last_issue", "count")
    )
    for issue in issues:
        issue.unsubscribed = unsubscribed.get(issue.pk, 0)
    return issues


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
