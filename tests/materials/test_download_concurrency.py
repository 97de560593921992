"""Downloads are counted in the database, so that simultaneous downloads are all counted (PostgreSQL, threads)."""

import time

import pytest

from materials import services
from materials.models import Material
from tests.helpers import run_concurrently
from tests.materials.factories import MaterialFactory

pytestmark = pytest.mark.postgres


def download_concurrently(material, *, threads=8, times=10):
    """Download `material` `times` times in each of `threads` threads started together; return its count."""

    def download_repeatedly():
        for _ in range(times):
            services.record_download(material=material)

    _results, errors = run_concurrently([download_repeatedly] * threads)
    if errors:  # a crashed thread would lose downloads too, and pass for the race the control shows
        raise ExceptionGroup("a download thread crashed", errors)
    material.refresh_from_db()
    return material.download_count


@pytest.mark.django_db(transaction=True)
def test_simultaneous_downloads_are_all_counted():
    assert download_concurrently(MaterialFactory()) == 80


@pytest.mark.django_db(transaction=True)
def test_counting_in_python_would_lose_simultaneous_downloads(monkeypatch):
    """The check above can fail: with a read-then-write counter instead of F(), downloads get lost."""

    def read_then_write(*, material):
        current = Material.objects.get(pk=material.pk).download_count
        time.sleep(0.005)
        Material.objects.filter(pk=material.pk).update(download_count=current + 1)

    monkeypatch.setattr(services, "record_download", read_then_write)
    assert download_concurrently(MaterialFactory()) < 80
