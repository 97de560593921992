"""Shared test set-up: service markers, the CI no-skip rule, language reset, and the fixtures every app uses.

Fixtures: `user`/`member_client` (a member), `staff_user`/`staff_client` (a superuser in the admin), `own_network`/
`coordinator`/`coordinator_client` (a network coordinator), `smtp_server`/`smtp_backend` (mail on loopback),
`media_root` (uploads in the test's own directory), `demo` (the seeded demo data). Plain helper functions are in
tests/helpers.py.
"""

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
    from search.lemmas import has_voikko

    if not has_voikko():
        reasons["voikko"] = "needs Voikko for Finnish lemmas (Debian packages libvoikko1 and voikko-fi)"
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
            from tests.helpers import record_second_factor

            record_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)
    yield


@pytest.fixture
def user(db):
    """A member of the portal with a verified e-mail address."""
    from tests.factories import UserFactory

    return UserFactory()


@pytest.fixture
def member_client(client, user):
    """The test client logged in as `user`."""
    client.force_login(user)
    return client


@pytest.fixture(scope="session")
def chromium_path():
    """Where the browser tests find Chromium (CHROMIUM_PATH, or the Debian package's path)."""
    return CHROMIUM


@pytest.fixture
def staff_user(db):
    """A superuser on the staff, who reads the admin and their e-mail in English."""
    from tests.factories import UserFactory

    return UserFactory(is_staff=True, is_superuser=True, email="editor@example.org", preferred_language="en")


@pytest.fixture
def staff_client(client, staff_user):
    """The test client logged in as `staff_user` (also at `staff_client.user`), asking for English pages."""
    return _logged_in_in_english(client, staff_user)


@pytest.fixture
def own_network(db):
    """The network `coordinator` coordinates; a module overrides this fixture to coordinate a network of its own."""
    from tests.networks.factories import NetworkFactory

    return NetworkFactory()


@pytest.fixture
def coordinator(own_network):
    """A network coordinator (see `make_coordinator`) of `own_network`, which is also at `coordinator.own_network`."""
    from tests.networks.factories import make_coordinator

    user = make_coordinator(own_network)
    user.own_network = own_network
    return user


@pytest.fixture
def coordinator_client(client, coordinator):
    """The test client logged in as `coordinator` (also at `coordinator_client.user`), asking for English pages."""
    return _logged_in_in_english(client, coordinator)


def _logged_in_in_english(client, user):
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin has no language prefix: it follows the browser's
    client.user = user
    return client


@pytest.fixture
def smtp_server():
    """A real SMTP server on loopback that keeps what it accepts (see tests/smtp_sink.py)."""
    from tests.smtp_sink import SinkHandler, serving

    with serving(SinkHandler()) as handler:
        yield handler


@pytest.fixture
def smtp_backend(settings, smtp_server):
    """Django's SMTP backend pointed at `smtp_server`."""
    from tests.smtp_sink import use_smtp_server

    use_smtp_server(settings, smtp_server.port)
    return smtp_server


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded files of a test go to its own directory, never to var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def demo(db, media_root):
    """The demo data, as `manage.py seed_demo` loads it (its printed logins are dropped, its files kept apart)."""
    import io

    from django.core.management import call_command

    call_command("seed_demo", stdout=io.StringIO())
