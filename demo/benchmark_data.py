"""A region-sized data set for the benchmarks (`manage.py generate_benchmark_data --scale N`).

At scale 1: 20,000 members, 50 networks, 100,000 memberships, 5,000 events (a third of them upcoming), 200,000
enrolments, 10,000 materials and 20,000 newsletter subscribers, plus the people the benchmark logs in as: a typical
member, a heavy member (enrolled in 600 events, member of 20 networks) and a staff user. Rows go in with bulk
inserts and PostgreSQL's COPY, so that scale 1 takes well under a minute. Every address ends in @bench.example.org,
which is how the command recognises data of its own. It only adds rows: it refuses to run twice on one database
(`make bench` starts from an empty one).
"""

import datetime as dt
import random
from zoneinfo import ZoneInfo

from django.contrib.auth.hashers import make_password
from django.db import connection
from django.db.models import Case, Count, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from accounts.models import User
from events.models import Enrollment, Event
from materials.models import Material
from networks.models import Membership, Network
from newsletter.models import Subscriber

DOMAIN = "bench.example.org"
PASSWORD = "bench-password-123"  # the benchmark's members log in with it (test data only)
TYPICAL_MEMBER = f"typical@{DOMAIN}"
HEAVY_MEMBER = f"heavy@{DOMAIN}"
STAFF = f"staff@{DOMAIN}"
HEAVY_ENROLMENTS = 600
HELSINKI = ZoneInfo("Europe/Helsinki")
SIZES = {
    "members": 20_000,
    "networks": 50,
    "memberships": 100_000,
    "events": 5_000,
    "enrolments": 200_000,
    "materials": 10_000,
    "subscribers": 20_000,
}
RARE_WORD = "kaatumis"  # in 1 % of the materials
COMMON_WORD = "hyvinvointi"  # in most of them
FI = "hyvinvointi terveys opas nuoret ikäihmiset liikunta ravitsemus uni mielenterveys päihteet lapsiperheet".split()
SV = "välfärd hälsa guide unga äldre motion kost sömn psykisk rusmedel barnfamiljer".split()
EN = "wellbeing health guide youth older exercise nutrition sleep mental substances families".split()


def sizes(scale: float) -> dict[str, int]:
    """The row counts at a scale (at least one of each, and as many networks as a member joins)."""
    counts = {name: max(int(count * scale), 1) for name, count in SIZES.items()}
    counts["networks"] = max(counts["networks"], 6)
    return counts


def has_own_data() -> bool:
    """Whether the benchmark's rows are already in this database."""
    return User.objects.filter(email__endswith=f"@{DOMAIN}").exists()


def foreign_users() -> int:
    """Users that are neither the benchmark's nor the demo's (example.org): a sign of real data."""
    return User.objects.exclude(email__iendswith="@example.org").exclude(email__iendswith=f".{'example.org'}").count()


def copy_rows(model, columns: list[str], rows) -> None:
    """Insert rows with PostgreSQL's COPY (bulk_create elsewhere)."""
    if connection.vendor != "postgresql":
        model.objects.bulk_create((model(**dict(zip(columns, row, strict=True))) for row in rows), batch_size=2000)
        return
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {model._meta.db_table} ({', '.join(columns)}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row(row)


def sentence(rng, words, length) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize()


def make_people(rng, count: int) -> list[int]:
    password = make_password(PASSWORD)  # one hash for all: hashing 20,000 would take minutes
    regions, professions = User.Region.values, User.Profession.values
    people = [
        User(email=f"member{n}@{DOMAIN}", password=password, first_name="Jäsen", last_name=f"{n:05}",
             region=rng.choice(regions), profession=rng.choice(professions),
             preferred_language=rng.choice(["fi", "fi", "sv", "en"]))
        for n in range(count)
    ]  # fmt: skip
    people.append(User(email=TYPICAL_MEMBER, password=password, first_name="Tavallinen", last_name="Jäsen"))
    people.append(User(email=HEAVY_MEMBER, password=password, first_name="Ahkera", last_name="Jäsen"))
    people.append(User(email=STAFF, password=password, first_name="Bench", last_name="Staff",
                       is_staff=True, is_superuser=True))  # fmt: skip
    User.objects.bulk_create(people, batch_size=5000)
    return list(
        User.objects.filter(email__startswith="member", email__endswith=f"@{DOMAIN}").values_list("pk", flat=True)
    )


def make_networks(rng, count: int, users: list[int], memberships: int) -> list[int]:
    Network.objects.bulk_create(
        Network(slug=f"bench-network-{n}", name=f"Verkosto {n}", name_fi=f"Verkosto {n}", name_sv=f"Nätverk {n}",
                name_en=f"Network {n}", summary_fi=sentence(rng, FI, 12), kind=rng.choice(Network.Kind.values),
                join_policy=rng.choice(Network.JoinPolicy.values), order=100 + n)
        for n in range(count)
    )  # fmt: skip
    networks = list(Network.objects.filter(slug__startswith="bench-network-").values_list("pk", flat=True))
    now = timezone.now()
    per_member, extra = divmod(memberships, len(users))
    rows = []
    for index, user in enumerate(users):
        for network in rng.sample(networks, min(per_member + (index < extra), len(networks))):
            since = now - dt.timedelta(days=rng.randrange(1, 1500))
            status = rng.choices(Membership.Status.values, weights=[3, 90, 2, 5])[0]
            joined = since if status in ("active", "left") else None
            left = since + dt.timedelta(days=1) if status == "left" else None
            rows.append((user, network, status, since, since, joined, None, left))
    heavy = User.objects.get(email=HEAVY_MEMBER).pk
    typical = User.objects.get(email=TYPICAL_MEMBER).pk
    for network in networks[:20]:
        rows.append((heavy, network, "active", now, now, now, None, None))
    for network in networks[:3]:
        rows.append((typical, network, "active", now, now, now, None, None))
    columns = ["user_id", "network_id", "status", "requested_at", "status_changed_at", "joined_at", "decided_at",
               "left_at"]  # fmt: skip
    copy_rows(Membership, columns, rows)
    return networks


def make_events(rng, count: int, users: list[int], networks: list[int], enrolments: int) -> None:
    now = timezone.now()
    kinds = [kind for kind in Event.Kind.values if kind != "morning_meeting"]
    events = []
    for n in range(count):
        # two years back, one year ahead: a third of the events are upcoming
        start = (now + dt.timedelta(days=rng.randrange(-730, 365), minutes=rng.randrange(600))).astimezone(HELSINKI)
        start = start.replace(second=0, microsecond=0)
        members_only = n % 10 == 0
        events.append(
            Event(slug=f"bench-event-{n}", title=f"Tapahtuma {n}", title_fi=f"Tapahtuma {n}",
                  title_sv=f"Evenemang {n}", title_en=f"Event {n}", summary_fi=sentence(rng, FI, 15),
                  kind="morning_meeting" if n % 25 == 0 else rng.choice(kinds),
                  network_id=rng.choice(networks) if n % 3 or members_only else None,
                  audience=Event.Audience.NETWORK_MEMBERS if members_only else Event.Audience.PUBLIC,
                  start=start, end=start + dt.timedelta(hours=2), format=rng.choice(Event.Format.values),
                  capacity=rng.choice([None, 60, 80, 120]), status=rng.choices(Event.Status.values, [2, 95, 3])[0])
        )  # fmt: skip
    Event.objects.bulk_create(events, batch_size=2000)
    per_event = max(min(enrolments // count, len(users)), 1)
    rows = []
    for event, start in Event.objects.filter(slug__startswith="bench-event-").values_list("pk", "start"):
        for user in rng.sample(users, per_event):
            status = rng.choices(Enrollment.Status.values, weights=[85, 5, 10])[0]
            attended = status == "confirmed" and start < now and rng.random() < 0.8
            waiting_since = start if status == "waitlisted" else None  # a waitlisted row needs its place in line
            rows.append((event, user, status, rng.choice(["onsite", "online", ""]), "", waiting_since, "{}", attended,
                         start, start))  # fmt: skip
    heavy = User.objects.get(email=HEAVY_MEMBER).pk
    typical = User.objects.get(email=TYPICAL_MEMBER).pk
    public = Event.objects.filter(slug__startswith="bench-event-", audience=Event.Audience.PUBLIC).order_by("pk")
    for event, start in public.values_list("pk", "start")[:HEAVY_ENROLMENTS]:
        rows.append((event, heavy, "confirmed", "online", "", None, "{}", start < now, start, start))
    for event, start in public.values_list("pk", "start")[:10]:
        rows.append((event, typical, "confirmed", "online", "", None, "{}", start < now, start, start))
    columns = ["event_id", "user_id", "status", "mode", "waiting_mode", "waiting_since", "answers", "attended",
               "created_at", "updated_at"]  # fmt: skip
    copy_rows(Enrollment, columns, rows)
    fill_seat_counters()


def fill_seat_counters() -> None:
    """Set the seat counters of the benchmark's events from their confirmed enrolments in one UPDATE.

    The enrolments went in by COPY, past the services that keep the counters, so without this every event would
    look empty to the pages that read seats from the row. The pools follow Event.seat_mode(): at a hybrid event an
    enrolment without a mode sits on site; otherwise all confirmed enrolments take the event's one mode.
    """
    confirmed = Enrollment.objects.filter(event=OuterRef("pk"), status=Enrollment.Status.CONFIRMED)

    def counted(queryset):
        return Coalesce(Subquery(queryset.order_by().values("event").annotate(n=Count("pk")).values("n")[:1]), Value(0))

    Event.objects.filter(slug__startswith="bench-event-").update(
        confirmed_onsite_count=Case(
            When(format=Event.Format.HYBRID, then=counted(confirmed.exclude(mode=Enrollment.Mode.ONLINE))),
            When(format=Event.Format.ONSITE, then=counted(confirmed)),
            default=Value(0),
        ),
        confirmed_online_count=Case(
            When(format=Event.Format.HYBRID, then=counted(confirmed.filter(mode=Enrollment.Mode.ONLINE))),
            When(format=Event.Format.ONSITE, then=Value(0)),
            default=counted(confirmed),
        ),
    )


def make_materials(rng, count: int, networks: list[int]) -> None:
    materials = []
    for n in range(count):
        titles = [f"{sentence(rng, words, 4)} {n}" for words in (FI, SV, EN)]
        if n % 100 == 0:
            titles[0] = f"Kaatumisten ehkäisy {titles[0]}"
        materials.append(
            Material(title=titles[0], title_fi=titles[0], title_sv=titles[1], title_en=titles[2],
                     description_fi=sentence(rng, FI, 30), description_sv=sentence(rng, SV, 30),
                     description_en=sentence(rng, EN, 30), url=f"https://example.org/material/{n}",
                     kind=rng.choice(Material.Kind.values), year=rng.randint(2015, 2026),
                     visibility=Material.Visibility.MEMBERS if n % 5 == 1 else Material.Visibility.PUBLIC)
        )  # fmt: skip
    Material.objects.bulk_create(materials, batch_size=2000)
    through = Material.networks.through
    ids = Material.objects.filter(url__startswith="https://example.org/material/").values_list("pk", flat=True)
    copy_rows(through, ["material_id", "network_id"],
              ((material, rng.choice(networks)) for material in ids if rng.random() < 0.5))  # fmt: skip


def make_subscribers(rng, count: int) -> None:
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (Subscriber(email=f"reader{n}@{DOMAIN}", language=rng.choice(["fi", "fi", "sv", "en"]),
                    status=Subscriber.Status.UNSUBSCRIBED if n % 10 == 0 else Subscriber.Status.ACTIVE,
                    consented_at=now - dt.timedelta(days=rng.randrange(1, 1000)))
         for n in range(count)),
        batch_size=5000,
    )  # fmt: skip
    Subscriber.objects.create(email=TYPICAL_MEMBER, status=Subscriber.Status.ACTIVE, consented_at=now)


def generate(*, scale: float, seed: int = 2026, log=print) -> dict[str, int]:
    """Add the benchmark's rows at `scale`; returns the row counts it aimed at."""
    rng = random.Random(seed)
    counts = sizes(scale)
    users = make_people(rng, counts["members"])
    log(f"  {len(users)} members")
    networks = make_networks(rng, counts["networks"], users, counts["memberships"])
    log(f"  {len(networks)} networks, {counts['memberships']} memberships")
    make_events(rng, counts["events"], users, networks, counts["enrolments"])
    log(f"  {counts['events']} events, {counts['enrolments']} enrolments")
    make_materials(rng, counts["materials"], networks)
    make_subscribers(rng, counts["subscribers"])
    log(f"  {counts['materials']} materials, {counts['subscribers']} subscribers")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return counts
