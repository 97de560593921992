"""Enrolment under load for `make bench`: the service called directly from 32 threads against plain inserts, and
500 logged-in members pressing Enrol at the same moment through gunicorn.

Runs inside the bench runner's Django set-up (benchmarks/run.py), on the benchmark database.
"""

import datetime as dt
import http.client
import secrets
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from queue import Empty, Queue

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection, connections
from django.utils import timezone

from accounts.models import User
from events.models import Enrollment, Event
from events.services import enroll

THREADS = 32
MEMBERS = 500
CAPACITY = 50


def storm_event(slug: str) -> Event:
    """A public online event next month with 50 seats, open for enrolment."""
    start = timezone.now() + dt.timedelta(days=30)
    return Event.objects.create(
        slug=slug, title=slug, title_fi=slug, kind="seminar", start=start, end=start + dt.timedelta(hours=2),
        format="online", capacity=CAPACITY, status=Event.Status.PUBLISHED,
    )  # fmt: skip


def members(count: int, offset: int = 0) -> list[User]:
    return list(User.objects.filter(email__startswith="member").order_by("pk")[offset : offset + count])


def session_cookie(user: User) -> str:
    """A logged-in session for `user`, as Django's login stores it."""
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["last_activity"] = int(time.time())  # SessionIdleTimeoutMiddleware's clock
    session.create()
    return f"sessionid={session.session_key}"


def _drain(queue: Queue, work) -> int:
    done = 0
    try:
        while True:
            work(queue.get_nowait())
            done += 1
    except Empty:
        pass
    finally:
        connections.close_all()
    return done


def _rate(label: str, people: list[User], work) -> float:
    queue = Queue()
    for person in people:
        queue.put(person)
    barrier = threading.Barrier(THREADS)

    def worker():
        connection.ensure_connection()  # connecting is not part of the measurement
        barrier.wait()
        return _drain(queue, work)

    with ThreadPoolExecutor(THREADS) as pool:
        futures = [pool.submit(worker) for _ in range(THREADS)]
        started = time.perf_counter()
        total = sum(future.result() for future in futures)
        seconds = time.perf_counter() - started
    return total / seconds


def direct_enrolment_rates() -> dict:
    """Enrolments per second for one event, the service called directly by 32 threads, against plain inserts."""
    people = members(MEMBERS, offset=MEMBERS)  # others than the storm's
    event = storm_event("bench-direct-enrol")
    service_rate = _rate("service", people, lambda user: enroll(event=event, user=user, mode="online", answers={}))
    confirmed = event.enrollments.filter(status=Enrollment.Status.CONFIRMED).count()
    plain_event = storm_event("bench-plain-insert")
    plain_rate = _rate(
        "plain", people,
        lambda user: Enrollment.objects.create(event=plain_event, user=user, status="confirmed", mode="online"),
    )  # fmt: skip
    return {
        "members": len(people), "threads": THREADS, "capacity": CAPACITY,
        "enrolments_per_second": round(service_rate, 1),
        "plain_inserts_per_second": round(plain_rate, 1), "ratio_to_plain": round(service_rate / plain_rate, 3),
        "confirmed": confirmed, "confirmed_equals_capacity": confirmed == CAPACITY,
    }  # fmt: skip


def enrol_storm(base_url: str) -> dict:
    """500 logged-in members press Enrol at once through gunicorn: time until the last one has an answer."""
    people = members(MEMBERS)
    event = storm_event("bench-enrol-storm")
    cookies = [session_cookie(person) for person in people]
    host, port = urllib.parse.urlsplit(base_url).netloc.split(":")
    path = f"/fi/events/{event.slug}/enrol/"
    count = len(people)  # MEMBERS, unless the data set is smaller
    barrier = threading.Barrier(count + 1)
    statuses, finished = [None] * count, [0.0] * count

    def press(index: int) -> None:
        token = secrets.token_hex(16)  # an unmasked 32-character CSRF secret, as cookie and form field
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": token})
        headers = {"Cookie": f"{cookies[index]}; csrftoken={token}",
                   "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
        client = http.client.HTTPConnection(host, int(port), timeout=120)
        barrier.wait(timeout=120)
        try:
            client.request("POST", path, body=body, headers=headers)
            statuses[index] = client.getresponse().status
        except OSError as error:
            statuses[index] = repr(error)
        finished[index] = time.perf_counter()
        client.close()

    threads = [threading.Thread(target=press, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    barrier.wait(timeout=120)
    started = time.perf_counter()
    for thread in threads:
        thread.join()
    confirmed = event.enrollments.filter(status=Enrollment.Status.CONFIRMED).count()
    waitlisted = event.enrollments.filter(status=Enrollment.Status.WAITLISTED).count()
    return {
        "members": count, "capacity": CAPACITY,
        "seconds_until_last_answer": round(max(finished) - started, 2),
        "median_seconds": round(sorted(finished)[count // 2] - started, 2),
        "redirects": statuses.count(302), "other_answers": [s for s in statuses if s != 302][:10],
        "confirmed": confirmed, "waitlisted": waitlisted, "confirmed_equals_capacity": confirmed == CAPACITY,
    }  # fmt: skip
