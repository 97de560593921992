"""Every public form takes hostile input (tests/portal/hostile_input.py) without a server error: the answer is a page
(with the errors) or a redirect, and a submission that is not accepted (no redirect) writes no row.

"No row written" is read from PostgreSQL's own counters of the rows the current transaction inserted, updated and
deleted (pg_stat_xact_user_tables), so that a write to any table is noticed, not only to the ones a test thought of.
Each example runs in a savepoint that is rolled back, so that an accepted submission (a valid profile, say) does
not change what the next example meets.

To add a form: one `FormTarget` line in TARGETS (who fills it in, the page that shows it, where it is sent).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event
from networks.models import Invitation
from tests.events.factories import EventFactory

from .authorization_world import COUNTY, build_world
from .hostile_input import form_fields, payloads

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

EXAMPLES = 25
ANSWERS = (200, 302, 303, 400)  # a page with the errors, or a redirect after an accepted submission
SEARCH_ANSWERS = (200,)


@dataclass(frozen=True)
class FormTarget:
    name: str
    persona: str  # "anonymous" or an account of the world (member_a...)
    page: Callable  # world -> the path of the page that shows the form
    action: Callable | None = None  # world -> where the form is sent; None: the page itself
    method: str = "post"
    answers: tuple = ANSWERS
    has_fields: bool = True  # False for a form that is only a button (its POST must still survive junk)

    def __str__(self):
        return self.name


def _event_with_questions(w) -> str:
    event = EventFactory(
        slug="course-with-questions",
        format=Event.Format.HYBRID,
        capacity=10,
        questions=[
            {"key": "diet", "label": {"fi": "Ruokavalio", "en": "Dietary needs"}, "required": True},
            {"key": "organisation", "label": "Organisation", "required": False},
        ],
    )
    return f"/en/events/{event.slug}/"


def _invitation_of_member_b(w) -> str:
    invitation = Invitation.objects.create(
        network=w.network_a, email=w.member_b.email, expires_at=timezone.now() + dt.timedelta(days=7)
    )
    return f"/en/networks/invitations/{invitation.token}/"


TARGETS = [
    FormTarget("sign-up", "anonymous", lambda w: "/en/accounts/signup/"),
    FormTarget("login", "anonymous", lambda w: "/en/accounts/login/"),
    FormTarget("password reset", "anonymous", lambda w: "/en/accounts/password/reset/"),
    FormTarget("newsletter sign-up", "anonymous", lambda w: "/en/newsletter/"),
    FormTarget("newsletter sign-up by a member", "member_a", lambda w: "/en/newsletter/"),
    FormTarget("feedback", "anonymous", lambda w: "/en/contact/"),
    FormTarget("material search", "anonymous", lambda w: "/en/materials/", method="get", answers=SEARCH_ANSWERS),
    FormTarget("material search of a member", "member_b", lambda w: "/en/materials/", method="get",
               answers=SEARCH_ANSWERS),
    FormTarget("enrolment with questions", "member_b", _event_with_questions,
               action=lambda w: "/en/events/course-with-questions/enrol/"),
    FormTarget("site search", "anonymous", lambda w: "/en/search/", method="get", answers=SEARCH_ANSWERS),
    FormTarget("site search of a member", "member_b", lambda w: "/en/search/", method="get", answers=SEARCH_ANSWERS),
    FormTarget("switching the way of taking part", "member_a", lambda w: f"/en/events/{w.hybrid_event_a.slug}/",
               action=lambda w: f"/en/events/enrolments/{w.hybrid_enrollment_a.pk}/mode/"),
    FormTarget("check-in code", "member_a",
               lambda w: f"/en/events/{w.members_event_a.slug}/?checkin={w.checkin_code_a.code}",
               action=lambda w: f"/en/events/{w.members_event_a.slug}/check-in/"),
    FormTarget("profile", "member_a", lambda w: "/en/me/profile/"),
    FormTarget("deleting the account", "member_a", lambda w: "/en/me/delete/"),
    FormTarget("member's newsletter choice", "member_a", lambda w: "/en/me/",
               action=lambda w: "/en/newsletter/my-subscription/"),
    FormTarget("e-mail addresses", "member_a", lambda w: "/en/accounts/email/"),
    FormTarget("password change", "member_a", lambda w: "/en/accounts/password/change/"),
    FormTarget("joining a network", "member_a", lambda w: f"/en/networks/{w.network_b.slug}/",
               action=lambda w: f"/en/networks/{w.network_b.slug}/join/", has_fields=False),
    FormTarget("accepting an invitation", "member_b", _invitation_of_member_b, has_fields=False),
    FormTarget("Leading HYTE assessment", "member_a",
               lambda w: f"/en/hyte/assessments/{COUNTY}/{w.draft_assessment.pk}/edit/"),
    FormTarget("Leading HYTE statistics date", "staff", lambda w: "/en/hyte/assessments/", method="get",
               answers=SEARCH_ANSWERS),
]


def rows_written() -> dict:
    """How many rows this transaction has inserted, updated and deleted so far, per table (sessions left out: a
    page may save the visitor's session)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_xact_user_tables "
            "WHERE relname <> 'django_session' AND n_tup_ins + n_tup_upd + n_tup_del > 0"
        )
        return dict(cursor.fetchall())


def client_for(persona, world) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.raise_request_exception = False  # a view's exception is a 500 answer, as with DEBUG=False
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


def form_of(client, target, world) -> tuple[str, set[str]]:
    """Where the target's form is sent, and the names of its fields, as its page shows them."""
    page = target.page(world)
    action = target.action(world) if target.action else page
    response = client.get(page)
    assert response.status_code == 200, f"{target}: {page} answered {response.status_code}"
    fields = form_fields(response.content.decode(), page_path=page, action_path=action, method=target.method)
    assert fields is not None, f"{target}: {page} has no form that sends to {action} by {target.method}"
    assert bool(fields) == target.has_fields, f"{target}: the form's fields are {sorted(fields)}"
    return action, fields


def submit(client, method, action, payload) -> tuple:
    """Send `payload` to the form; the answer, and the rows written before and after the request.
    The request's writes are rolled back afterwards."""
    cookies = {key: morsel.value for key, morsel in client.cookies.items()}
    # Every limit (sign-ups, feedback, logins, password resets) counts in the cache; fuzzing trips them within a
    # few examples and then only the "too many" page would be tested. Each example starts with no counts.
    cache.clear()
    with transaction.atomic():
        before = rows_written()
        send = client.post if method == "post" else client.get
        response = send(action, payload)
        after = rows_written()
        transaction.set_rollback(True)
    for key, value in cookies.items():  # a logout or a new session must not carry over to the next example
        client.cookies[key] = value
    return response, before, after


@pytest.mark.parametrize("target", TARGETS, ids=str)
def test_hostile_input_gets_a_page_or_a_redirect_and_a_refusal_writes_nothing(target):
    world = build_world()
    client = client_for(target.persona, world)
    action, fields = form_of(client, target, world)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.data_too_large])
    @given(payload=payloads(fields))
    def survives(payload):
        response, before, after = submit(client, target.method, action, payload)
        assert response.status_code != 500, getattr(response, "exc_info", None)
        assert response.status_code in target.answers
        if response.status_code not in (302, 303) or target.method == "get":
            assert after == before, f"a refused submission wrote rows: {before} -> {after}"

    survives()


# The events page filters by links (chips) and shows a month calendar: no form to read the fields from, so its
# query parameters are named here. A malformed or far-off month is a 400 page that says so.
EVENT_PAGE_PARAMETERS = ["kind", "format", "network", "view", "month", "past", "page"]


@pytest.mark.parametrize("persona", ["anonymous", "member_a"])
def test_hostile_event_page_parameters_get_a_page_and_write_nothing(persona):
    world = build_world()
    client = client_for(persona, world)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                            HealthCheck.data_too_large])
    @given(payload=payloads(EVENT_PAGE_PARAMETERS))
    def survives(payload):
        response, before, after = submit(client, "get", "/en/events/", payload)
        assert response.status_code in (200, 400), getattr(response, "exc_info", None)
        assert after == before, f"a page view wrote rows: {before} -> {after}"

    survives()


def test_the_write_counter_sees_an_accepted_submission():
    """The "writes nothing" check can fail: a valid message on the feedback form is counted as written."""
    world = build_world()
    client = client_for("anonymous", world)
    response, before, after = submit(client, "post", "/en/contact/", {"topic": "content", "message": "A broken link."})
    assert response.status_code == 302
    assert after != before


# The addresses e-mails carry a secret in: junk in the secret's place is "not found" (allauth's own pages say
# "bad link" with 200), whatever it is.
TOKEN_PATHS = [
    ("/en/me/calendar/{}.ics", (404,)),
    ("/en/newsletter/confirm/{}/", (404,)),
    ("/en/newsletter/unsubscribe/{}/", (404,)),
    ("/en/certificates/{}/", (404,)),
    ("/en/events/release/{}/", (404,)),
    ("/en/networks/invitations/{}/", (404,)),
    ("/en/accounts/confirm-email/{}/", (200, 404)),
    ("/en/accounts/password/reset/key/1-{}/", (200, 404)),
]


@pytest.mark.parametrize(("template", "answers"), TOKEN_PATHS, ids=[path for path, _ in TOKEN_PATHS])
def test_a_hostile_token_in_a_link_is_not_found(template, answers):
    world = build_world()
    client = client_for("anonymous", world)

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(token=st.one_of(st.text(min_size=1, max_size=300), st.sampled_from(["\x00", "a\x00b", "..", "x" * 5000])))
    def survives(token):
        path = template.format(quote(token, safe=""))
        for method in ("get", "post"):
            cache.clear()
            with transaction.atomic():
                before = rows_written()
                response = getattr(client, method)(path)
                after = rows_written()
                transaction.set_rollback(True)
            assert response.status_code != 500, getattr(response, "exc_info", None)
            assert response.status_code in answers + (405,)
            assert after == before

    survives()
