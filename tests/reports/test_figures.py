"""Every figure of the statistics equals a count made independently, row by row in Python, from the same rows."""

import datetime as dt
from collections import defaultdict

import pytest

from events.models import Enrollment, Event
from materials.models import Material
from networks.models import Membership
from newsletter.models import Delivery, NewsletterIssue, Subscriber
from reports import selectors
from reports.scope import ReportScope
from tests.reports.conftest import NOW, at

pytestmark = pytest.mark.django_db

YEAR = ReportScope(dt.date(2025, 1, 1), dt.date(2025, 12, 31), year=2025)
START, END = at("2025-01-01 00:00"), at("2026-01-01 00:00")


def in_year(moment) -> bool:
    return moment is not None and START <= moment < END


def seats(network_ids=None):
    """The confirmed enrolments in the year's published events, read one by one."""
    return [
        e
        for e in Enrollment.objects.select_related("event", "user")
        if e.status == "confirmed" and e.event.status == "published" and in_year(e.event.start)
        and (network_ids is None or e.event.network_id in network_ids)
    ]  # fmt: skip


def people_by(rows, key):
    enrolled, attended = defaultdict(set), defaultdict(set)
    for row in rows:
        enrolled[key(row)].add(row.user_id)
        if row.attended:
            attended[key(row)].add(row.user_id)
    return {group: {"enrolled": len(enrolled[group]), "attended": len(attended[group])} for group in enrolled}


def test_reach_equals_the_distinct_people_in_the_rows(year_2025):
    rows = seats()
    figures = selectors.reach(YEAR)
    assert figures["total"] == {
        "enrolled": len({r.user_id for r in rows}),
        "attended": len({r.user_id for r in rows if r.attended}),
        "new": 5,
    }
    assert figures["total"] == {"enrolled": 6, "attended": 6, "new": 5}
    assert without_new(figures["region"]) == people_by(rows, lambda r: r.user.region)
    assert without_new(figures["profession"]) == people_by(rows, lambda r: r.user.profession)
    assert selectors.reach_by_network(YEAR) == people_by(rows, lambda r: r.event.network_id)
    assert figures["region"]["helsinki"] == {"enrolled": 2, "attended": 2, "new": 2}


def without_new(groups):
    return {group: {"enrolled": f["enrolled"], "attended": f["attended"]} for group, f in groups.items()}


def test_new_professionals_are_those_without_an_earlier_seat(year_2025):
    earlier = {
        e.user_id
        for e in Enrollment.objects.select_related("event")
        if e.status == "confirmed" and e.event.status == "published" and e.event.start < START
    }
    new = {r.user_id for r in seats()} - earlier
    figures = selectors.reach(YEAR)
    assert figures["total"]["new"] == len(new) == 5
    users = {r.user_id: r.user for r in seats()}
    for region, counts in figures["region"].items():
        assert counts["new"] == len([u for u in new if users[u].region == region])


def expected_events_by_kind(network_ids=None):
    figures = defaultdict(lambda: defaultdict(int))
    for event in Event.objects.prefetch_related("enrollments"):
        if not in_year(event.start) or (network_ids is not None and event.network_id not in network_ids):
            continue
        f = figures[event.kind]
        if event.status == "cancelled":
            f["cancelled_events"] += 1
        if event.status != "published":
            continue
        rows = list(event.enrollments.all())
        confirmed = [r for r in rows if r.status == "confirmed"]
        present = [r for r in confirmed if r.attended]
        waitlisted = [r for r in rows if r.status == "waitlisted"]
        f["events"] += 1
        f["enrolments"] += len(confirmed)
        f["attended"] += len(present)
        f["cancellations"] += len([r for r in rows if r.status == "cancelled"])
        if present:
            f["enrolments_marked"] += len(confirmed)
            f["no_shows"] += len(confirmed) - len(present)
        elif event.end <= NOW:
            f["unmarked_events"] += 1
        if event.capacity is not None and (len(confirmed) >= event.capacity or waitlisted):
            f["filled_events"] += 1
        if event.end <= NOW:
            f["never_seated"] += len(waitlisted)
        if event.format == "hybrid":
            f["hybrid_events"] += 1
            f["hybrid_onsite"] += len([r for r in confirmed if r.mode == "onsite"])
            f["hybrid_online"] += len([r for r in confirmed if r.mode == "online"])
    return figures


def test_events_by_kind_equal_the_counts_event_by_event(year_2025):
    figures = selectors.events_by_kind(YEAR)
    expected = expected_events_by_kind()
    for kind in Event.Kind.values:
        for name, value in figures[kind].items():
            assert value == expected[kind][name], (kind, name)
    morning = figures["morning_meeting"]
    assert (morning["events"], morning["enrolments"], morning["attended"], morning["no_shows"]) == (3, 8, 4, 2)
    assert (morning["enrolments_marked"], morning["unmarked_events"], morning["cancellations"]) == (6, 1, 1)
    day = figures["good_spiral_day"]
    assert (day["filled_events"], day["never_seated"], day["hybrid_onsite"], day["hybrid_online"]) == (1, 1, 1, 1)
    assert figures["networking_day"] == {**dict.fromkeys(figures["networking_day"], 0), "cancelled_events": 1}


def test_morning_meetings_month_by_month(year_2025):
    meetings = selectors.morning_meetings(YEAR)
    assert [m.title_en for m in meetings] == ["Promoting physical activity", "Sleep and recovery", "Nutrition"]
    for meeting in meetings:
        rows = list(Enrollment.objects.filter(event=meeting))
        assert meeting.enrolled == len([r for r in rows if r.status == "confirmed"])
        assert meeting.attended == len([r for r in rows if r.status == "confirmed" and r.attended])
        assert meeting.waitlisted == len([r for r in rows if r.status == "waitlisted"])
    assert [(m.enrolled, m.attended) for m in meetings] == [(3, 2), (3, 2), (2, 0)]


def member_at(row, moment) -> bool:
    return (
        row.joined_at is not None
        and row.joined_at < moment
        and (row.status == "active" or (row.left_at is not None and row.left_at >= moment))
    )


def expected_memberships(rows):
    decided = [r for r in rows if in_year(r.decided_at)]
    waits = [r.decided_at - r.requested_at for r in decided]
    pending = [r for r in rows if r.status == "pending"]
    return {
        "joins": len([r for r in rows if in_year(r.joined_at)]),
        "leaves": len([r for r in rows if in_year(r.left_at)]),
        "members_at_end": len([r for r in rows if member_at(r, END)]),
        "pending_now": len(pending),
        "oldest_pending": min((r.requested_at for r in pending), default=None),
        "decided": len(decided),
        "average_wait": sum(waits, dt.timedelta()) / len(waits) if waits else None,
        "longest_wait": max(waits, default=None),
    }


def test_membership_figures_equal_the_rows(year_2025):
    rows = list(Membership.objects.all())
    totals = selectors.membership_totals(YEAR)
    months = totals.pop("months")
    assert totals == expected_memberships(rows)
    assert (totals["joins"], totals["leaves"], totals["members_at_end"], totals["pending_now"]) == (5, 1, 5, 2)
    assert totals["average_wait"] == dt.timedelta(days=6, hours=18)  # 10 days and 3.5 days
    for month in months:
        first = month["month"]
        start = at(f"{first:%Y-%m-%d} 00:00")
        end = at(f"{(first + dt.timedelta(days=32)).replace(day=1):%Y-%m-%d} 00:00")
        assert month["joins"] == len([r for r in rows if r.joined_at and start <= r.joined_at < end])
        assert month["leaves"] == len([r for r in rows if r.left_at and start <= r.left_at < end])
        assert month["members"] == len([r for r in rows if member_at(r, end)])
    assert [m["members"] for m in months] == [2, 3, 4, 4, 4, 5, 5, 4, 4, 4, 5, 5]
    by_network = selectors.membership_by_network(YEAR)
    for network in year_2025.networks.__dict__.values():
        assert by_network[network.pk] == expected_memberships([r for r in rows if r.network_id == network.pk])


def subscribed_at(subscriber, moment) -> bool:
    """Consented before the moment and not unsubscribed before it (an unsubscription older than the consent is
    undone by that consent)."""
    consented, left = subscriber.consented_at, subscriber.unsubscribed_at
    return consented is not None and consented < moment and not (left and consented <= left < moment)


def test_subscribers_by_language_equal_the_rows(year_2025):
    subscribers = list(Subscriber.objects.all())
    figures = selectors.subscribers_by_language(YEAR)
    for language, f in figures["languages"].items():
        own = [s for s in subscribers if s.language == language]
        assert f["new"] == len([s for s in own if in_year(s.consented_at)])
        assert f["left"] == len([s for s in own if in_year(s.unsubscribed_at) and s.consented_at <= s.unsubscribed_at])
        assert f["at_end"] == len([s for s in own if subscribed_at(s, END)])
        for first, count in zip(figures["months"], f["months"], strict=True):  # the end of each month
            end = at(f"{(first + dt.timedelta(days=32)).replace(day=1):%Y-%m-%d} 00:00")
            assert count == len([s for s in own if subscribed_at(s, end)])
    # One subscribed in January and unsubscribed on 2 July, one subscribed again on 1 May.
    assert figures["languages"]["en"]["months"] == [1, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 1]


def test_a_period_inside_months_counts_to_its_own_edges(year_2025):
    scope = ReportScope(dt.date(2025, 2, 15), dt.date(2025, 8, 19))
    start, end = at("2025-02-15 00:00"), at("2025-08-20 00:00")
    rows = list(Membership.objects.all())
    totals = selectors.membership_totals(scope)
    assert [m["month"] for m in totals["months"]] == [dt.date(2025, month, 1) for month in range(2, 9)]
    for month in totals["months"]:
        following = (month["month"] + dt.timedelta(days=32)).replace(day=1)
        edge = min(at(f"{following:%Y-%m-%d} 00:00"), end)
        first = max(at(f"{month['month']:%Y-%m-%d} 00:00"), start)
        assert month["members"] == len([r for r in rows if member_at(r, edge)])
        assert month["joins"] == len([r for r in rows if r.joined_at and first <= r.joined_at < edge])
    assert totals["months"][0]["joins"] == 0  # the join of 11 February is before the period
    assert totals["leaves"] == 0  # the departure of 20 August is after it
    subscribers = list(Subscriber.objects.all())
    figures = selectors.subscribers_by_language(scope)
    for language, f in figures["languages"].items():
        assert f["at_end"] == len([s for s in subscribers if s.language == language and subscribed_at(s, end)])


def last_received(subscriber):
    """The issue a subscriber got last before unsubscribing (not for bouncing), or None."""
    left = subscriber.unsubscribed_at
    if not left or subscriber.unsubscribe_reason == "bouncing" or not subscriber.consented_at <= left:
        return None
    received = [
        d.issue
        for d in Delivery.objects.filter(subscriber=subscriber, status="sent").select_related("issue")
        if d.issue.status == "sent" and d.issue.sent_at <= subscriber.unsubscribed_at
    ]
    return max(received, key=lambda issue: issue.sent_at).pk if received else None


def test_issues_sent_equal_their_deliveries(year_2025):
    issues = selectors.sent_issues(YEAR)
    sent = sorted(
        (i for i in NewsletterIssue.objects.all() if i.status == "sent" and in_year(i.sent_at)), key=lambda i: i.sent_at
    )
    assert [i.pk for i in issues] == [i.pk for i in sent]
    for issue in issues:
        deliveries = list(Delivery.objects.filter(issue=issue).select_related("subscriber"))
        assert issue.delivered == len([d for d in deliveries if d.status == "sent"])
        assert issue.failed == len([d for d in deliveries if d.status == "failed"])
        assert issue.unsubscribed == len([s for s in Subscriber.objects.all() if last_received(s) == issue.pk])
    assert [(i.delivered, i.failed, i.unsubscribed) for i in issues] == [(2, 1, 0), (4, 0, 1), (2, 1, 0)]


def test_material_downloads_equal_the_rows(year_2025):
    materials = list(Material.objects.all())
    figures = selectors.downloads_by_kind(YEAR)
    for kind in Material.Kind.values:
        own = [m for m in materials if m.kind == kind]
        assert figures[kind] == {"materials": len(own), "downloads": sum(m.download_count for m in own)}
    top = selectors.most_downloaded(YEAR)
    assert [m.download_count for m in top] == sorted((m.download_count for m in materials if m.download_count),
                                                     reverse=True)  # fmt: skip
    assert top[0].title_en == "Exercise guide"


def test_a_network_scope_counts_only_the_networks_rows(year_2025):
    a = year_2025.networks.a.pk
    scope = ReportScope(YEAR.first_day, YEAR.last_day, frozenset([a]), year=2025)
    rows = seats({a})
    assert selectors.reach(scope)["total"] == {"enrolled": len({r.user_id for r in rows}), "attended": 2, "new": 2}
    figures = selectors.events_by_kind(scope)
    expected = expected_events_by_kind({a})
    for kind in Event.Kind.values:
        for name, value in figures[kind].items():
            assert value == expected[kind][name], (kind, name)
    totals = selectors.membership_totals(scope)
    totals.pop("months")
    assert totals == expected_memberships(list(Membership.objects.filter(network_id=a)))
    assert [m.title_en for m in selectors.most_downloaded(scope)] == ["Exercise guide"]
    assert selectors.morning_meetings(scope) == []
