"""Plain functions every app's tests share: relative dates, query counting, calls run at once in threads, waiting.

Fixtures (clients, users, servers) live in tests/conftest.py; this module holds what a test calls directly.
"""

import datetime as dt
import threading
import time
from collections.abc import Callable

from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

# Query budgets of the two pages to which every app adds a section; each app's query-count tests hold them.
# The home page: networks, materials, and three for events (next morning meeting, next big day, the others).
HOME_PAGE_QUERIES = 5
MY_PAGE_QUERIES = 7  # 7 since My events shows a page of upcoming and a page of past enrolments (two queries)


def in_days(days: float, hours: float = 0) -> dt.datetime:
    """The moment `days` (and `hours`) from now; negative values lie in the past."""
    return timezone.now() + dt.timedelta(days=days, hours=hours)


def count_queries(client, path: str, params: dict | None = None) -> int:
    """How many database queries a GET of `path` (with query `params`) runs; the page must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, params or {})
    assert response.status_code == 200
    return len(queries)


def run_concurrently(calls: list[Callable], *, timeout: float = 30) -> tuple[list, list[Exception]]:
    """Run each call in its own thread, all released at the same moment by a barrier, and wait for them.

    Returns `(results, errors)`: `results[i]` is what `calls[i]` returned (None if it raised), `errors` the
    exceptions the calls raised, in call order; a thread still running after `timeout` seconds more counts as a
    TimeoutError. Each thread has its own database connection, closed when its call ends, so that with PostgreSQL
    (and `django_db(transaction=True)`) the calls really race each other.
    """
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)
    raised: list[Exception | None] = [None] * len(calls)

    def work(index, call):
        try:
            barrier.wait(timeout=timeout)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - handed back to the test, which decides what it means
            raised[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for index, thread in enumerate(threads):
        thread.join(timeout=timeout * 4)
        if thread.is_alive():
            raised[index] = TimeoutError(f"call {index} still running after {timeout * 4} s")
    return results, [error for error in raised if error is not None]


def wait_until(condition: Callable[[], object], *, timeout: float = 20, interval: float = 0.1) -> bool:
    """Ask `condition` every `interval` seconds until it is true; False if it is still false after `timeout` s.

    For what another process or thread does (a Celery worker sending a message), never for time a test can travel.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(interval)
    return True


def pass_second_factor(client):
    """A client logged in with a password alone confirms the demo second factor, as a person would with the code
    their authenticator app shows (the secret seed_demo prints)."""
    from django.urls import reverse

    from demo.second_factor import current_code

    response = client.post(reverse("mfa_reauthenticate"), {"code": current_code()})
    assert response.status_code == 302, "the demo second factor was refused"


def record_second_factor(client, user):
    """Make `client`'s session one in which `user` has used a TOTP second factor, as allauth's login records it."""
    from allauth.account.internal.flows.login import record_authentication
    from allauth.mfa.models import Authenticator
    from allauth.mfa.totp.internal.auth import TOTP
    from django.test import RequestFactory

    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "mfa", type="totp")
    request.session.save()


def own_callbacks(callbacks: list) -> list:
    """The on-commit callbacks a test captured, without the page cache's renewal that any content change queues."""
    from hyte_portal.page_cache import renew_version

    return [callback for callback in callbacks if callback is not renew_version]
