"""Shared test set-up: service markers, the CI no-skip rule, language reset, factories."""

import os
import shutil

import pytest
from django.conf import settings
from django.utils import translation

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _service_skip_reasons():
    engine = settings.DATABASES["default"]["ENGINE"]
    reasons = {}
    if engine != "django.db.backends.postgresql":
        reasons["postgres"] = "needs PostgreSQL: set DATABASE_URL=postgres://..."
    if not settings.CELERY_BROKER_URL:
        reasons["redis"] = "needs Redis: set REDIS_URL=redis://..."
    if not shutil.which(CHROMIUM):
        reasons["browser"] = f"needs Chromium at {CHROMIUM} (Debian package chromium)"
    return reasons


def pytest_configure(config):
    # Fast password hashing in tests; the production hashers are Django's defaults.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(config, items):
    reasons = _service_skip_reasons()
    for item in items:
        for marker, reason in reasons.items():
            if item.get_closest_marker(marker):
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} service-backed test(s) skipped; see the reasons above. "
            "Set DATABASE_URL and REDIS_URL and install chromium to run them."
        )


def pytest_sessionfinish(session, exitstatus):
    if not IN_CI:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; under CI nothing may skip.", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def reset_language():
    """Every test starts and ends in the default language, whatever the previous one activated."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def tasks_inline(request):
    """Queued Celery tasks run inline in the test's own thread, even where REDIS_URL points at a broker, so that
    a test sees what a task sent. Tests marked `redis` run them through Redis and a real worker instead."""
    from hyte_portal.celery import app

    if request.node.get_closest_marker("redis"):
        yield
        return
    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def clear_cache():
    """allauth's rate limits live in the cache; a test must not inherit another's counts."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def user(db):
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def member_client(client, user):
    client.force_login(user)
    return client


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


@pytest.fixture(autouse=True)
def staff_sessions_have_a_second_factor(request, monkeypatch):
    """The admin opens only after a second factor (hyte_portal.middleware.StaffSecondFactorMiddleware). Tests
    that log staff in with force_login are about what the admin does, so their session counts as having used
    one; tests of the second factor itself are marked `real_second_factor` and log in as a person would."""
    if request.node.get_closest_marker("real_second_factor"):
        yield
        return
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if user.is_staff:
            record_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
    yield
