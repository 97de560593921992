"""The admin's "view on site" redirect leads only to objects the user may view in the admin."""

import pytest
from django.contrib.contenttypes.models import ContentType

from events.models import CalendarFeed, Event
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def view_on_site(client, obj):
    return client.get(f"/admin/r/{ContentType.objects.get_for_model(obj).pk}/{obj.pk}/")


def test_a_members_calendar_feed_is_never_reachable(staff_client):
    feed = CalendarFeed.objects.create(user=UserFactory())
    response = view_on_site(staff_client, feed)
    assert response.status_code == 404
    assert feed.token not in response.get("Location", "")


def test_a_coordinator_does_not_learn_another_networks_draft(coordinator_client):
    draft = EventFactory(network=NetworkFactory(), status=Event.Status.DRAFT, slug="secret-draft-slug")
    response = view_on_site(coordinator_client, draft)
    assert response.status_code == 404
    assert "secret-draft-slug" not in response.get("Location", "")


def test_staff_still_reach_an_event_they_may_view(staff_client):
    event = EventFactory(slug="open-event")
    response = view_on_site(staff_client, event)
    assert response.status_code == 302 and "open-event" in response["Location"]


@pytest.mark.parametrize("path", ["/admin/r/99999/1/", "/admin/r/1/%00/", "/admin/r/1/abc/"])
def test_junk_is_not_found(staff_client, path):
    assert staff_client.get(path).status_code == 404


def test_members_and_visitors_get_nothing(client):
    event = EventFactory()
    assert view_on_site(client, event).status_code == 404
    client.force_login(UserFactory())
    assert view_on_site(client, event).status_code == 404


@pytest.mark.parametrize("written", ["+{}", " {}", "{}.0", "0{}"])
def test_a_content_type_id_written_otherwise_does_not_reach_djangos_unchecked_redirect(staff_client, written):
    """Django's own shortcut sits behind the checked one; an id that is not plain digits must not fall through to
    it (it read "+22" as 22 and redirected any staff user to a member's secret calendar feed)."""
    feed = CalendarFeed.objects.create(user=UserFactory())
    content_type_id = written.format(ContentType.objects.get_for_model(feed).pk).replace(" ", "%20")
    response = staff_client.get(f"/admin/r/{content_type_id}/{feed.pk}/")
    assert response.status_code == 404
    assert feed.token not in response.get("Location", "")
