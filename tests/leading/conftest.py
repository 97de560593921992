import pytest

from tests.factories import UserFactory
from tests.leading.factories import CountyEditorFactory, make_checklist


@pytest.fixture
def checklist(db):
    """The version in use: two groups of three items."""
    return make_checklist()


@pytest.fixture
def editor(db):
    """A member named as an editor of Vantaa and Kerava."""
    return CountyEditorFactory(county="vantaa_kerava", user=UserFactory(region="vantaa_kerava")).user
