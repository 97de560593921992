"""The data step of migration events 0005: existing events and enrolments come into the new shape (modes, waiting
order, a hybrid event's single capacity as its on-site one) with true seat counters.

The test suite runs without migrations, so this one migrates a fresh SQLite database in a subprocess (as
tests/portal/test_migrations.py does): up to events 0004, rows written as the old schema had them, then on.
"""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NOW = "2030-05-01 10:00:00"


def manage(database, *args):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr


def insert(db, table, **values):
    """Insert a row giving the columns named, and a neutral value to every other NOT NULL column."""
    for _cid, name, kind, notnull, default, primary in db.execute(f"PRAGMA table_info({table})"):
        if name in values or primary or not notnull or default is not None:
            continue
        kind = kind.lower()
        if "int" in kind or "bool" in kind:
            values[name] = 0
        elif "datetime" in kind:
            values[name] = NOW
        elif "date" in kind:
            values[name] = NOW[:10]
        elif "json" in kind or "text" in kind and name in ("answers", "details"):
            values[name] = "{}"
        else:
            values[name] = ""
    columns = ", ".join(values)
    marks = ", ".join("?" for _ in values)
    return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(values.values())).lastrowid


def test_existing_rows_get_modes_waiting_order_capacities_and_counters(tmp_path):
    database = tmp_path / "before.sqlite3"
    manage(database, "migrate", "events", "0004", "--no-input", "-v0")
    with sqlite3.connect(database) as db:
        common = {"kind": "seminar", "status": "published", "start": NOW, "end": "2030-05-01 12:00:00"}
        online = insert(db, "events_event", slug="old-online", format="online", capacity=5, questions="[]", **common)
        hybrid = insert(db, "events_event", slug="old-hybrid", format="hybrid", capacity=2, questions="[]", **common)
        users = [insert(db, "accounts_user", email=f"old{n}@example.org", is_active=1) for n in range(5)]
        rows = [
            (online, users[0], "confirmed", "", "2030-04-01 08:00:00"),
            (online, users[1], "waitlisted", "", "2030-04-02 08:00:00"),
            (hybrid, users[2], "confirmed", "online", NOW),
            (hybrid, users[3], "confirmed", "", NOW),
            (hybrid, users[4], "cancelled", "onsite", NOW),
        ]
        for event, user, status, mode, created in rows:
            insert(db, "events_enrollment", event_id=event, user_id=user, status=status, mode=mode, created_at=created)
    manage(database, "migrate", "--no-input", "-v0")
    with sqlite3.connect(database) as db:
        events = {
            slug: row
            for slug, *row in db.execute(
                "SELECT slug, capacity, capacity_onsite, capacity_online, confirmed_onsite_count, "
                "confirmed_online_count FROM events_event"
            )
        }
        assert events["old-online"] == [5, None, None, 0, 1]
        assert events["old-hybrid"] == [None, 2, None, 1, 1]
        modes = {row[0] for row in db.execute("SELECT mode FROM events_enrollment WHERE event_id = ?", [online])}
        assert modes == {"online"}
        waiting = db.execute("SELECT waiting_since, created_at FROM events_enrollment WHERE status = 'waitlisted'")
        assert [row[0] == row[1] for row in waiting] == [True]
