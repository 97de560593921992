"""The migrations run from scratch, and their data steps give the coordinators group what it needs."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_fresh_database_migrates_and_coordinators_may_manage_events(tmp_path):
    database = tmp_path / "fresh.sqlite3"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env={**env, "DATABASE_URL": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(database) as db:
        codenames = {
            row[0]
            for row in db.execute(
                "SELECT p.codename FROM auth_permission p "
                "JOIN auth_group_permissions gp ON gp.permission_id = p.id "
                "JOIN auth_group g ON g.id = gp.group_id WHERE g.name = 'Network coordinators'"
            )
        }
    assert {"change_membership", "change_network", "view_event", "change_event", "change_enrollment"} <= codenames
    assert "delete_event" not in codenames and "delete_membership" not in codenames
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT name, domain FROM django_site").fetchall() == [("HYTE", "127.0.0.1:8000")]
