"""`make bench`: the pages, enrolment and the newsletter measured side by side, at demo size and at region size.

For each size it recreates the benchmark database (its name must contain "bench": it is dropped), loads the demo
data and `generate_benchmark_data` (demo size: scale 0.01; region size: BENCH_SCALE, default 1), starts gunicorn
with 2 sync workers and the production settings, and runs wrk at 16 connections against every page and a bare
"ok" view in the same server, interleaved in rounds. At region size it also measures enrolment (benchmarks/
enrolment_load.py) and runs the newsletter benchmark (benchmarks/test_newsletter_throughput.py). It writes
benchmarks/results/latest.json and the table in README.md.

Environment: BENCH_DATABASE_URL (default DATABASE_URL), BENCH_REDIS_URL (default REDIS_URL; its db is flushed),
BENCH_SCALE (1), BENCH_SECONDS (5 per run), BENCH_ROUNDS (2), BENCH_PORT (8765), BENCH_SUBSCRIBERS (10000).
"""

import datetime as dt
import json
import os
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
DEMO_SCALE = 0.01
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or os.environ.get("REDIS_URL", "")


def check_environment() -> None:
    name = urllib.parse.urlsplit(DATABASE_URL).path.lstrip("/")
    if not DATABASE_URL.startswith("postgres") or "bench" not in name:
        sys.exit(
            "make bench needs BENCH_DATABASE_URL (or DATABASE_URL) of a PostgreSQL database whose name contains "
            "'bench', e.g. postgres://postgres@127.0.0.1:5432/hyte_bench: it is dropped and recreated."
        )
    if not REDIS_URL:
        sys.exit("make bench needs BENCH_REDIS_URL (or REDIS_URL), e.g. redis://127.0.0.1:6379/5: its db is flushed.")
    if subprocess.run(["sh", "-c", "command -v wrk"], capture_output=True).returncode:
        sys.exit("make bench needs wrk: apt-get install wrk")
    from benchmarks.web_load import secret_key

    # The same secret key as the server's: the sessions made here carry a hash signed with it.
    os.environ.update(DATABASE_URL=DATABASE_URL, REDIS_URL=REDIS_URL, DJANGO_SETTINGS_MODULE="hyte_portal.settings",
                      DJANGO_SECRET_KEY=secret_key())  # fmt: skip


def recreate_database() -> None:
    import psycopg
    from django.db import connections

    connections.close_all()
    parts = urllib.parse.urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


def prepare(scale: float) -> dict:
    """A fresh database with the demo data and the benchmark data at `scale`; the cache emptied."""
    from django.core.cache import cache
    from django.core.management import call_command

    recreate_database()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))
    started = time.perf_counter()
    call_command("generate_benchmark_data", scale=scale)
    generated = time.perf_counter() - started
    cache.clear()
    return {"scale": scale, "generate_seconds": round(generated, 1), **row_counts()}


def row_counts() -> dict:
    from accounts.models import User
    from events.models import Enrollment, Event
    from materials.models import Material
    from networks.models import Membership, Network
    from newsletter.models import Subscriber

    models = {"members": User, "networks": Network, "memberships": Membership, "events": Event,
              "enrolments": Enrollment, "materials": Material, "subscribers": Subscriber}  # fmt: skip
    return {name: model.objects.count() for name, model in models.items()}


def logins() -> dict[str, str]:
    """Session cookies of the benchmark's typical member, heavy member and staff user (with a second factor)."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.totp.internal.auth import TOTP
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    from accounts.models import User
    from benchmarks.enrolment_load import session_cookie
    from demo import benchmark_data

    cookies = {"visitor": ""}
    for who, email in (("typical", benchmark_data.TYPICAL_MEMBER), ("heavy", benchmark_data.HEAVY_MEMBER)):
        cookies[who] = session_cookie(User.objects.get(email=email))
    staff = User.objects.get(email=benchmark_data.STAFF)
    TOTP.activate(staff, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    cookie = session_cookie(staff)
    request = RequestFactory().get("/")
    request.session = SessionStore(session_key=cookie.partition("=")[2])
    record_authentication(request, staff, "mfa", type="totp")
    request.session.save()
    cookies["staff"] = cookie
    return cookies


def targets() -> list[tuple[str, str, str]]:
    """(name, path, who) of every page measured."""
    from django.utils import timezone

    from events.models import Event

    event = (
        Event.objects.filter(slug__startswith="bench-event-", audience="public", status="published",
                             start__gt=timezone.now(), capacity__isnull=False)
        .order_by("start").first()
    )  # fmt: skip
    return [
        ("home (visitor)", "/fi/", "visitor"),
        ("home (member)", "/fi/", "typical"),
        ("events list (visitor)", "/fi/events/", "visitor"),
        ("events list (member)", "/fi/events/", "typical"),
        ("event detail (visitor)", f"/fi/events/{event.slug}/", "visitor"),
        ("event detail (member)", f"/fi/events/{event.slug}/", "typical"),
        ("networks list (visitor)", "/fi/networks/", "visitor"),
        ("networks list (member)", "/fi/networks/", "typical"),
        ("network detail (visitor)", "/fi/networks/bench-network-0/", "visitor"),
        ("material search, rare word (member)", "/fi/materials/?q=kaatumis", "typical"),
        ("material search, common word (member)", "/fi/materials/?q=hyvinvointi", "typical"),
        ("material search, common word (visitor)", "/fi/materials/?q=hyvinvointi", "visitor"),
        ("my page (typical member)", "/fi/me/", "typical"),
        ("my page (heavy member)", "/fi/me/", "heavy"),
        ("statistics (staff)", "/admin/statistics/", "staff"),
    ]


def measure_pages(base_url: str, cookies: dict[str, str]) -> dict:
    """Each page and the bare view, in ROUNDS interleaved rounds of SECONDS each."""
    from benchmarks.web_load import fetch, wrk

    pages = [("bare view", "/bench/ok", "visitor"), *targets()]
    for name, path, who in pages:  # every page answers 200 (not a redirect to the login) before it is timed
        status, _body = fetch(base_url + path, cookies[who])
        if status != 200:
            raise RuntimeError(f"{name}: {path} answered {status}")
    runs = {name: [] for name, _path, _who in pages}
    for round_number in range(ROUNDS):
        for name, path, who in pages:
            runs[name].append(wrk(base_url + path, SECONDS, cookies[who]))
            # gunicorn's sync workers finish the requests wrk left in flight; the next run starts when they are done
            fetch(base_url + "/bench/ok")
            print(f"  round {round_number + 1}: {name:42} {runs[name][-1]['rps']:8.1f} req/s", flush=True)
    results = {}
    for name, path, who in pages:
        figures = runs[name]
        requests, seconds = sum(f["requests"] for f in figures), sum(f["seconds"] for f in figures)
        results[name] = {
            "path": path, "as": who, "rps": round(requests / seconds, 1),
            **{key: round(statistics.median(f[key] for f in figures), 1) for key in ("p50_ms", "p95_ms", "p99_ms")},
            "non_2xx": sum(f["non_2xx"] for f in figures), "socket_errors": sum(f["socket_errors"] for f in figures),
        }  # fmt: skip
    bare = results["bare view"]["rps"]
    for figures in results.values():
        figures["ratio_to_bare"] = round(figures["rps"] / bare, 4)
    return results


def newsletter_benchmark() -> dict:
    """The newsletter benchmark (pytest, its own test database) writes its figures to a file we read back."""
    output = RESULTS / "newsletter.json"
    output.unlink(missing_ok=True)
    command = [sys.executable, "-m", "pytest", "benchmarks/test_newsletter_throughput.py", "-q", "-s",
               "-p", "no:cacheprovider"]  # fmt: skip
    subprocess.run(command, cwd=ROOT, env={**os.environ, "BENCH_RESULTS_FILE": str(output)}, check=True)
    return json.loads(output.read_text())


def run_size(label: str, scale: float, with_load_tests: bool) -> dict:
    from benchmarks.enrolment_load import direct_enrolment_rates, enrol_storm
    from benchmarks.web_load import gunicorn, server_environment

    print(f"\n== {label}: scale {scale}", flush=True)
    result = {"data": prepare(scale)}
    print(f"  data: {result['data']}", flush=True)
    cookies = logins()
    with gunicorn(server_environment(DATABASE_URL, REDIS_URL, PORT), PORT) as base_url:
        result["pages"] = measure_pages(base_url, cookies)
        if with_load_tests:
            result["enrol_storm"] = attempt(enrol_storm, base_url)
            print(f"  enrol storm: {result['enrol_storm']}", flush=True)
    if with_load_tests:
        result["enrolment_direct"] = attempt(direct_enrolment_rates)
        print(f"  enrolment, service called directly: {result['enrolment_direct']}", flush=True)
    return result


def attempt(measurement, *args) -> dict:
    """A measurement's figures, or the error that stopped it: the pages' figures are kept either way."""
    try:
        return measurement(*args)
    except Exception as error:  # reported in latest.json and the README table
        return {"error": f"{type(error).__name__}: {error}"}


def main() -> None:
    # A stop (Ctrl-C, kill) still stops gunicorn: the context managers' finally blocks run.
    signal.signal(signal.SIGTERM, lambda *_args: sys.exit(1))
    sys.path.insert(0, str(ROOT))
    check_environment()
    import django

    django.setup()
    from benchmarks.report import write_readme_table

    started = time.perf_counter()
    demo = run_size("demo size", DEMO_SCALE, with_load_tests=False)
    region = run_size("region size", SCALE, with_load_tests=True)
    for name, figures in region["pages"].items():
        figures["scale_ratio_p50"] = round(figures["p50_ms"] / max(demo["pages"][name]["p50_ms"], 0.01), 2)
    newsletter = attempt(newsletter_benchmark)
    report = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": {
            "scale": SCALE,
            "demo_scale": DEMO_SCALE,
            "seconds_per_run": SECONDS,
            "rounds": ROUNDS,
            "connections": 16,
            "gunicorn_workers": 2,
            "cpu_count": os.cpu_count(),
        },  # fmt: skip
        "load_average_at_end": os.getloadavg()[0],
        "demo": demo,
        "region": region,
        "newsletter": newsletter,
        "total_seconds": round(time.perf_counter() - started),
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    write_readme_table(report, ROOT / "README.md")
    print(f"\nWrote {RESULTS / 'latest.json'} and the table in README.md ({report['total_seconds']} s).")


if __name__ == "__main__":
    main()
