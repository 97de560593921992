import pytest

from pages import services
from pages.models import ContentPage


@pytest.fixture(autouse=True)
def content_pages(db):
    """The four pages as the data migration creates them (the test database is built without migrations)."""
    services.create_missing_pages()
    return {page.kind: page for page in ContentPage.objects.all()}
