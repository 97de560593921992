"""The authorisation matrix: every URL pattern of the project, requested as six kinds of person, answers as
tests/portal/authorization_table.py says, never with a server error, and never shows one network's private text
to the other network's people. A URL pattern that the table does not request fails the run, so that a new view
is covered from the day it is added (the table's docstring says how to add it: one line).

Each request runs in a savepoint that is rolled back afterwards, so that a POST (joining, cancelling, an admin
action) leaves the world as the next request expects it; the session cookie is restored for the same reason.
"""

import copy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from django.contrib import admin
from django.core.cache import cache
from django.db import transaction
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory
from django.urls import LocalePrefixPattern, URLResolver, get_resolver, resolve
from django.utils import translation

from .authorization_table import (
    ADMIN_EXTRA,
    ADMIN_LOGIN,
    ADMIN_MODELS,
    DONE,
    LOGIN,
    PORTAL,
    REDIRECT,
    admin_visits,
)
from .authorization_world import PERSONAS, PRIVATE_A, PRIVATE_B, build_world

pytestmark = pytest.mark.django_db

# Patterns no request can reach, with the reason; each still has a line in the table that tries.
UNREACHABLE = {
    "admin:view_on_site": "hyte_portal.urls puts a checked 'view on site' redirect in front of Django's for every "
    "/admin/r/ address",
}
# What each persona must never read: the other network's private text.
FORBIDDEN_MARKERS = {
    "anonymous": (PRIVATE_A, PRIVATE_B),
    "member_a": (PRIVATE_B,),
    "coordinator_a": (PRIVATE_B,),
    "member_b": (PRIVATE_A,),
    "coordinator_b": (PRIVATE_A,),
    "staff": (),
}
LANGUAGE_PREFIX = "<language>/"


# --- The resolver's patterns ------------------------------------------------------------------------------------
def pattern_key(name: str | None, route: str) -> str:
    """A pattern's name ("events:detail"), or its route for a pattern without one."""
    return name if name else route


def all_pattern_keys(patterns=None, route="", namespace="") -> set[str]:
    """The key of every URL pattern of the project, the admin's included; i18n patterns once, not per language."""
    keys = set()
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = LANGUAGE_PREFIX if isinstance(pattern.pattern, LocalePrefixPattern) else str(pattern.pattern)
            inner_namespace = ":".join(filter(None, [namespace, pattern.namespace]))
            keys |= all_pattern_keys(pattern.url_patterns, route + inner, inner_namespace)
        else:
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            keys.add(pattern_key(name, route + str(pattern.pattern)))
    return keys


def key_of_url(url: str) -> str:
    """The key of the pattern a URL reaches (its path decoded, as the request handler decodes it)."""
    path = unquote(urlsplit(url).path)
    language = path.split("/")[1]
    with translation.override(language if language in ("fi", "sv", "en") else None):
        match = resolve(path)
    route = match.route
    for language in ("fi/", "sv/", "en/"):
        if route.startswith(language):
            route = LANGUAGE_PREFIX + route[len(language) :]
    return pattern_key(match.view_name if match.url_name else None, route)


# --- The table, with the admin's pages generated from the registry ----------------------------------------------
def registered_model_admins(superuser) -> dict:
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return {
        model._meta.label_lower: (model_admin, list(model_admin.get_actions(request)))
        for model, model_admin in admin.site._registry.items()
    }


def all_visits(world) -> list:
    return PORTAL + ADMIN_EXTRA + admin_visits(registered_model_admins(world.staff))


# --- Requesting and judging -------------------------------------------------------------------------------------
def client_for(persona: str, world) -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="en")  # the admin has no language prefix: it follows the browser's
    client.raise_request_exception = False  # a view's exception is a 500 answer, as with DEBUG=False
    if persona != "anonymous":
        client.force_login(getattr(world, persona))  # staff (coordinators too) with a second factor: see conftest
    return client


def _is_login(location: str, login_path_pattern) -> bool:
    parts = urlsplit(location)
    return login_path_pattern(parts.path) and "next" in parse_qs(parts.query)


def _portal_login(path: str) -> bool:
    return path in ("/fi/accounts/login/", "/sv/accounts/login/", "/en/accounts/login/")


def outcome_problem(expected, response) -> str | None:
    """Why `response` is not `expected`, or None."""
    status, location = response.status_code, response.get("Location", "")
    is_redirect = status in (301, 302, 303)
    if expected == LOGIN:
        good = is_redirect and _is_login(location, _portal_login)
    elif expected == ADMIN_LOGIN:
        good = is_redirect and _is_login(location, lambda path: path == "/admin/login/")
    elif expected in (REDIRECT, DONE):
        good = (is_redirect or (expected == DONE and status == 200)) and not (
            _is_login(location, _portal_login) or _is_login(location, lambda path: path == "/admin/login/")
        )
    else:
        good = status == expected
    if good:
        return None
    return f"expected {expected}, got {status}{' to ' + location if location else ''}"


def _body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def _snapshot(rows) -> list:
    """Each row as the database now holds it (an empty list once it is deleted)."""
    return [[model_to_dict(current) for current in type(row)._default_manager.filter(pk=row.pk)] for row in rows]


def request_once(client, visit, persona, world) -> list[str]:
    """Make the visit's request as `persona` and list what is wrong with the answer; the database and the session
    are as before afterwards."""
    url = visit.url(world)
    cookies = copy.deepcopy(client.cookies)
    cache.clear()  # rate limits (logins, sign-ups, feedback) count in the cache; each request starts afresh
    problems = []
    with transaction.atomic():
        guarded = visit.unchanged(world) if persona not in visit.may_change else []
        before = _snapshot(guarded)
        send = client.post if visit.method == "post" else client.get
        response = send(url, visit.data(world) if visit.data else {})
        if response.status_code >= 500:
            problems.append(f"server error {response.status_code}: {getattr(response, 'exc_info', None)}")
        else:
            problem = outcome_problem(visit.expected[persona], response)
            if problem:
                problems.append(problem)
        seen = _body(response) + response.get("Location", "").encode()
        for marker in FORBIDDEN_MARKERS[persona]:
            if marker not in visit.may_show and marker.encode() in seen:
                problems.append(f"shows {marker}, which is not for {persona}")
        if guarded and _snapshot(guarded) != before:
            problems.append("changed a row it must not change")
        transaction.set_rollback(True)
    client.cookies = cookies
    return [f"{visit} {url}: {problem}" for problem in problems]


# --- The tests --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_url_answers_as_the_table_says(persona):
    world = build_world()
    client = client_for(persona, world)
    problems = []
    for visit in all_visits(world):
        problems += request_once(client, visit, persona, world)
    assert not problems, f"{len(problems)} URL(s) answered {persona} wrongly:\n" + "\n".join(problems)


def unrequested_patterns(visits, world) -> set[str]:
    requested = {key_of_url(visit.url(world)) for visit in visits}
    return all_pattern_keys() - requested - set(UNREACHABLE)


def test_every_url_pattern_is_in_the_table():
    """A new URL pattern fails here until a line of authorization_table.py requests it."""
    world = build_world()
    visits = all_visits(world)
    missing = unrequested_patterns(visits, world)
    assert not missing, (
        "URL patterns the authorisation matrix never requests; add a line for each to "
        "tests/portal/authorization_table.py (see its docstring):\n" + "\n".join(sorted(missing))
    )
    # The check can fail: without its lines, a pattern is reported by name.
    without = [visit for visit in visits if visit.pattern not in ("pages:about", "admin:events_event_history")]
    assert unrequested_patterns(without, world) == {"pages:about", "admin:events_event_history"}


def test_the_matrix_notices_a_coordinator_reading_another_networks_rows(monkeypatch):
    """The private-text check can fail: with the admin's coordinator scope switched off, coordinator A's list of
    memberships shows member B, and the matrix says so."""
    from networks.admin_scoping import NetworkScopedAdminMixin

    world = build_world()
    monkeypatch.setattr(NetworkScopedAdminMixin, "scope", lambda self, request, queryset: queryset)
    visit = next(visit for visit in all_visits(world) if visit.pattern == "admin:networks_membership_changelist")
    problems = request_once(client_for("coordinator_a", world), visit, "coordinator_a", world)
    assert any(PRIVATE_B in problem for problem in problems)


def test_every_registered_model_has_rows_in_the_table():
    world = build_world()
    missing = set(registered_model_admins(world.staff)) - set(ADMIN_MODELS)
    assert not missing, f"add an AdminRows line to ADMIN_MODELS for: {sorted(missing)}"


def test_the_table_requests_the_unreachable_patterns_too():
    """Each pattern known to be unreachable is still tried (by a line of the table that names it)."""
    assert set(UNREACHABLE) <= {visit.pattern for visit in PORTAL + ADMIN_EXTRA}
