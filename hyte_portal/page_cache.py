"""Whole pages for visitors from the cache (Redis in production, local memory in the embedded default).

Only a request that carries no session cookie and no messages cookie is served from the cache or fills it: such
a visitor is anonymous for certain (no query needed to know it) and has nothing personal on the page. A logged-in
member, or a visitor with a message waiting or a session (a half-finished login), always gets the page rendered
for them. A response is stored only when it is a plain 200 that neither touched the session nor marked itself
private or uncacheable.

The CSRF token is never stored: before a page goes into the cache, the token of each form is replaced by a
placeholder, and each visitor who is served the page gets their own token put in its place (and the cookie that
goes with it, set by CsrfViewMiddleware as for any rendered page). So the newsletter form on the home page works
from the cache, and no two visitors share a token.

A change of content empties the cache: every save or delete of the models the pages show (events and their
enrolments, networks and memberships, materials) replaces the version that is part of every key, when the
change is made and again when its transaction commits (so that a page rendered in between is not kept). Changes
made with queryset.update() send no signal; pages with seat counts therefore live only PAGE_CACHE_SEATS_SECONDS
(5 s), the others PAGE_CACHE_SECONDS (60 s). The language is part of the path (/fi/, /sv/, /en/), so the path
and query string make the key.
"""

import hashlib
import re
import uuid
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

VERSION_KEY = "page-cache:version"
CSRF_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
CSRF_PLACEHOLDER = b"\x00csrf\x00"
CSRF_PLACEHOLDER_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")\x00csrf\x00(")')
# The models whose rows the cached pages show; a save or delete of any of them empties the page cache.
CONTENT_APPS = {"events", "networks", "materials"}


def renew_version() -> None:
    """A new version in every key: every stored page is left behind."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def content_changed() -> None:
    """Empty the page cache, now and once the current transaction commits."""
    renew_version()
    transaction.on_commit(renew_version)


def on_content_saved_or_deleted(sender, **kwargs) -> None:
    if sender._meta.app_label in CONTENT_APPS:
        content_changed()


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, None):  # another process set it first
            version = cache.get(VERSION_KEY, version)
    return version


def is_anonymous_without_state(request) -> bool:
    """A GET or HEAD from someone with no session and no waiting messages: nothing personal can be on the page."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated  # no session cookie: no query is made to know this
    )


def page_key(request) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"page-cache:{current_version()}:{path}"


def may_store(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.session.modified
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def stored_form(response) -> dict:
    """The response as it goes into the cache: the content with its CSRF tokens replaced, and its own headers."""
    content = CSRF_FIELD.sub(lambda match: match[1] + CSRF_PLACEHOLDER + match[2], response.content)
    return {"content": content, "headers": dict(response.headers)}


def response_from(stored: dict, request) -> HttpResponse:
    """A cached page for this visitor, with their own CSRF token in each form."""
    content = stored["content"]
    if CSRF_PLACEHOLDER in content:
        content = CSRF_PLACEHOLDER_FIELD.sub(lambda match: match[1] + get_token(request).encode() + match[2], content)
    response = HttpResponse(content, headers=stored["headers"])
    response["X-Page-Cache"] = "hit"
    return response


def cached_for_visitors(*, shows_seats: bool = False):
    """Serve the view's page to visitors without a session from the cache (see the module's docstring).

    `shows_seats`: the page shows seats left, which enrolment changes with queryset updates too, so it is kept
    only a few seconds.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = settings.PAGE_CACHE_SEATS_SECONDS if shows_seats else settings.PAGE_CACHE_SECONDS
            if seconds <= 0 or not is_anonymous_without_state(request):
                return view(request, *args, **kwargs)
            key = page_key(request)
            stored = cache.get(key)
            if stored is not None:
                return response_from(stored, request)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            if may_store(request, response):
                cache.set(key, stored_form(response), seconds)
            return response

        return wrapper

    return decorator
