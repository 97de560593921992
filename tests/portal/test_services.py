"""The real services behind the portal: PostgreSQL through psycopg 3, Redis as cache and Celery broker."""

import pytest
from django.core.cache import caches
from django.db import connection

from hyte_portal.celery import app as celery_app


@pytest.mark.postgres
@pytest.mark.django_db
def test_database_is_postgresql_through_psycopg_3():
    assert connection.vendor == "postgresql"
    assert connection.Database.__name__ == "psycopg"
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int")
        assert cursor.fetchone()[0] >= 130000


@pytest.mark.postgres
@pytest.mark.django_db
def test_healthz_reaches_postgresql(client):
    assert client.get("/healthz").status_code == 200


@pytest.mark.redis
def test_cache_is_redis_and_keeps_values():
    from django.core.cache.backends.redis import RedisCache

    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    cache.set("hyte-test-key", {"theme": "kaatumisten ehkäisy"}, timeout=30)
    assert cache.get("hyte-test-key") == {"theme": "kaatumisten ehkäisy"}
    cache.delete("hyte-test-key")


@pytest.mark.redis
def test_celery_sends_tasks_to_the_redis_broker():
    assert not celery_app.conf.task_always_eager
    assert celery_app.conf.broker_url.startswith("redis://")
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1)
        assert conn.connected
