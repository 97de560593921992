"""Benchmark (not a timed test): the statistics page with 20,000 members, 5,000 events and 200,000 enrolments.

Run with `DATABASE_URL=postgres://... make bench` (or `pytest benchmarks/test_bench_statistics.py -s`); prints how
long /admin/statistics/ takes for a year for staff and for a coordinator, and the PDF and the CSV, as the median
and the slowest of several rounds. Target: the page under a second. BENCH_STATISTICS_SCALE=0.1 makes a tenth of
the data. The only assertions are that the figures come out whole and that the page runs as many queries over the
full data set as over an empty year: the query count does not grow with the data.
"""

import datetime as dt
import os
import random
import statistics
import time
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from events.models import Enrollment, Event
from materials.models import Material
from networks.models import Membership, Network, NetworkRole
from newsletter.models import Delivery, NewsletterIssue, Subscriber

SCALE = float(os.environ.get("BENCH_STATISTICS_SCALE", "1"))
MEMBERS = int(20_000 * SCALE)
EVENTS = int(5_000 * SCALE)
ENROLMENTS = int(200_000 * SCALE)
NETWORKS = 24
SUBSCRIBERS = int(10_000 * SCALE)
ISSUES = 36
MATERIALS = int(2_000 * SCALE)
ROUNDS = 10
HELSINKI = ZoneInfo("Europe/Helsinki")
YEARS = (2023, 2024, 2025)


def moment(rng, year=None) -> dt.datetime:
    year = year or rng.choice(YEARS)
    return dt.datetime(year, 1, 1, 8, tzinfo=HELSINKI) + dt.timedelta(
        days=rng.randrange(365), minutes=rng.randrange(600)
    )


def copy_rows(model, columns, rows) -> None:
    """Insert rows with PostgreSQL's COPY: far faster than INSERTs for a hundred thousand rows."""
    table = model._meta.db_table
    with connection.cursor() as cursor, cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def make_people(rng):
    regions, professions = User.Region.values + [""], User.Profession.values + [""]
    User.objects.bulk_create(
        (
            User(
                email=f"member{number}@example.org", password="!", first_name="Member", last_name=str(number),
                region=rng.choice(regions), profession=rng.choice(professions),
                preferred_language=rng.choice(["fi", "fi", "sv", "en"]),
            )
            for number in range(MEMBERS)
        ),
        batch_size=5000,
    )  # fmt: skip
    return list(User.objects.values_list("pk", flat=True))


def make_networks(rng, users):
    Network.objects.bulk_create(
        Network(slug=f"network-{n}", name=f"Verkosto {n}", name_fi=f"Verkosto {n}", name_en=f"Network {n}",
                kind=rng.choice(Network.Kind.values), join_policy=rng.choice(Network.JoinPolicy.values))
        for n in range(NETWORKS)
    )  # fmt: skip
    networks = list(Network.objects.values_list("pk", flat=True))
    rows = []
    for user in users:
        for network in rng.sample(networks, rng.choice([1, 1, 2, 3])):
            requested = moment(rng, rng.choice((2022, *YEARS)))
            status = rng.choices(Membership.Status.values, weights=[5, 80, 5, 10])[0]
            decided = requested + dt.timedelta(days=rng.randrange(30)) if rng.random() < 0.3 else None
            joined = (decided or requested) if status in ("active", "left") else None
            left = joined + dt.timedelta(days=rng.randrange(1, 400)) if status == "left" else None
            rows.append((user, network, status, requested, requested, joined, decided, left))
    columns = ["user_id", "network_id", "status", "requested_at", "status_changed_at", "joined_at", "decided_at",
               "left_at"]  # fmt: skip
    copy_rows(Membership, columns, rows)
    return networks


def make_events(rng, users, networks):
    kinds = [kind for kind in Event.Kind.values if kind != "morning_meeting"]
    events = []
    for number in range(EVENTS):
        start = moment(rng)
        kind = rng.choice(kinds)
        if number < 10 * len(YEARS):  # the morning meeting series: ten a year, on the last Tuesday of the month
            year, month = YEARS[number // 10], [1, 2, 3, 4, 5, 8, 9, 10, 11, 12][number % 10]
            start, kind = dt.datetime(year, month, 25, 8, 15, tzinfo=HELSINKI), "morning_meeting"
        events.append(
            Event(
                slug=f"event-{number}", title=f"Tapahtuma {number}", title_fi=f"Tapahtuma {number}",
                title_en=f"Event {number}", kind=kind, network_id=rng.choice(networks) if number % 3 else None,
                start=start, end=start + dt.timedelta(hours=2), format=rng.choice(Event.Format.values),
                capacity=rng.choice([None, 30, 40, 60]), status=rng.choices(Event.Status.values, [2, 95, 3])[0],
            )
        )  # fmt: skip
    Event.objects.bulk_create(events, batch_size=2000)
    rows, per_event = [], ENROLMENTS // EVENTS
    for event, start in Event.objects.values_list("pk", "start"):
        for user in rng.sample(users, per_event):
            status = rng.choices(Enrollment.Status.values, weights=[85, 5, 10])[0]
            attended = status == "confirmed" and start.year < 2026 and rng.random() < 0.8
            rows.append((event, user, status, rng.choice(["onsite", "online", ""]), "{}", attended, start, start))
    columns = ["event_id", "user_id", "status", "mode", "answers", "attended", "created_at", "updated_at"]
    copy_rows(Enrollment, columns, rows)


def make_newsletter(rng):
    subscribers = []
    for number in range(SUBSCRIBERS):
        consented = moment(rng, rng.choice((2022, *YEARS)))
        left = consented + dt.timedelta(days=rng.randrange(1, 500)) if rng.random() < 0.15 else None
        subscribers.append(
            Subscriber(email=f"reader{number}@example.org", language=rng.choice(["fi", "fi", "sv", "en"]),
                       status="unsubscribed" if left else "active", consented_at=consented, unsubscribed_at=left,
                       unsubscribe_reason="requested" if left else "")
        )  # fmt: skip
    Subscriber.objects.bulk_create(subscribers, batch_size=5000)
    readers = list(Subscriber.objects.values_list("pk", flat=True))
    for number in range(ISSUES):
        sent = dt.datetime(YEARS[0] + number // 12, number % 12 + 1, 5, 9, tzinfo=HELSINKI)
        issue = NewsletterIssue.objects.create(subject=f"Uutiskirje {number}", subject_fi=f"Uutiskirje {number}",
                                               body_fi="Hei!", status="sent", sent_at=sent)  # fmt: skip
        rows = [(issue.pk, reader, "failed" if rng.random() < 0.02 else "sent", 1, "", "")
                for reader in rng.sample(readers, len(readers) // 3)]  # fmt: skip
        copy_rows(Delivery, ["issue_id", "subscriber_id", "status", "attempts", "error", "claim_token"], rows)


def make_materials(rng, networks):
    Material.objects.bulk_create(
        (Material(title=f"Materiaali {n}", title_fi=f"Materiaali {n}", url=f"https://example.org/{n}",
                  kind=rng.choice(Material.Kind.values), download_count=rng.randrange(500)) for n in range(MATERIALS)),
        batch_size=2000,
    )  # fmt: skip
    through = Material.networks.through
    through.objects.bulk_create(
        through(material_id=material, network_id=rng.choice(networks))
        for material in Material.objects.values_list("pk", flat=True)
        if rng.random() < 0.5
    )


def timed(client, path, params, rounds=ROUNDS):
    """Median and slowest time of the request in ms, and the median time its queries took in the database."""
    times, database = [], []
    for _ in range(rounds):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path, params)
            times.append((time.perf_counter() - started) * 1000)
        database.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
        assert response.status_code == 200
    return statistics.median(times), max(times), statistics.median(database)


def queries_of(client, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get("/admin/statistics/", params)
    return len(queries)


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark needs DATABASE_URL=postgres://...")
def test_statistics_over_two_hundred_thousand_enrolments():
    from django.contrib.auth.models import Group

    from tests.helpers import record_second_factor

    rng = random.Random(2026)
    started = time.perf_counter()
    users = make_people(rng)
    networks = make_networks(rng, users)
    make_events(rng, users, networks)
    make_newsletter(rng)
    make_materials(rng, networks)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    made = time.perf_counter() - started
    print(f"\nStatistics: {User.objects.count()} members, {Event.objects.count()} events, "
          f"{Enrollment.objects.count()} enrolments, {Membership.objects.count()} memberships, "
          f"{Delivery.objects.count()} newsletter deliveries (made in {made:.1f} s)")  # fmt: skip

    staff = User.objects.create_user("bench.staff@example.org", is_staff=True, is_superuser=True)
    coordinator = User.objects.create_user("bench.coordinator@example.org", is_staff=True)
    coordinator.groups.add(Group.objects.get_or_create(name="Network coordinators")[0])
    for network in networks[:2]:
        NetworkRole.objects.create(network_id=network, user=coordinator, role="coordinator")
    staff_client, coordinator_client = Client(), Client()
    for client, user in ((staff_client, staff), (coordinator_client, coordinator)):
        client.force_login(user)
        record_second_factor(client, user)
        client.get("/admin/statistics/", {"year": 2000})  # the session settles before the timing

    year = {"year": 2025}
    empty_year_queries = queries_of(staff_client, {"year": 2000})
    full_year_queries = queries_of(staff_client, year)
    print(f"  queries: {full_year_queries} for 2025, {empty_year_queries} for a year without data")
    print(f"  {ROUNDS} rounds, median / slowest (median in the database) in ms; target: the page under 1000 ms")
    for label, client, path, params, rounds in [
        ("staff, /admin/statistics/?year=2025", staff_client, "/admin/statistics/", year, ROUNDS),
        ("staff, three years (2023-2025)", staff_client, "/admin/statistics/",
         {"first_day": "2023-01-01", "last_day": "2025-12-31"}, ROUNDS),
        ("coordinator of two networks, 2025", coordinator_client, "/admin/statistics/", year, ROUNDS),
        ("staff, annual report PDF 2025", staff_client, "/admin/statistics/annual-report.pdf", year, 3),
        ("staff, figures CSV 2025", staff_client, "/admin/statistics/figures.csv", year, 3),
    ]:  # fmt: skip
        median, slowest, database = timed(client, path, params, rounds)
        print(f"  {label:45} {median:8.1f} / {slowest:8.1f}  ({database:6.1f})")
    print(f"  load average while measuring: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    page = staff_client.get("/admin/statistics/", year).content.decode()
    assert "Tältä ajalta ei ole lukuja." not in page.split('id="reach"')[1].split("</section>")[0]
    assert full_year_queries == empty_year_queries
