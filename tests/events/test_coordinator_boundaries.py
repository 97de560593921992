"""A network coordinator reaches their own networks' events and nothing beyond, on the site and in the admin."""

import datetime as dt
import re

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from events.models import Enrollment, Event, EventSeries
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_coordinator_cannot_open_another_networks_members_only_event_on_the_site(coordinator_client):
    theirs = EventFactory(network=NetworkFactory(), audience=Event.Audience.NETWORK_MEMBERS)
    assert coordinator_client.get(f"/en/events/{theirs.slug}/").status_code == 404
    assert coordinator_client.get(f"/en/events/{theirs.slug}/calendar.ics").status_code == 404


def test_coordinator_cannot_preview_another_networks_draft(coordinator_client):
    draft = EventFactory(network=NetworkFactory(), status=Event.Status.DRAFT)
    assert coordinator_client.get(f"/en/events/{draft.slug}/").status_code == 404


def test_coordinator_previews_their_own_networks_draft_and_members_only_event(coordinator_client, coordinator):
    draft = EventFactory(network=coordinator.own_network, status=Event.Status.DRAFT)
    members_only = EventFactory(network=coordinator.own_network, audience=Event.Audience.NETWORK_MEMBERS)
    assert coordinator_client.get(f"/en/events/{draft.slug}/").status_code == 200
    assert coordinator_client.get(f"/en/events/{members_only.slug}/").status_code == 200


def test_unscoped_staff_preview_every_draft(client):
    client.force_login(UserFactory(is_staff=True))
    draft = EventFactory(network=NetworkFactory(), status=Event.Status.DRAFT)
    assert client.get(f"/en/events/{draft.slug}/").status_code == 200


def test_coordinator_is_offered_only_their_own_networks_series(coordinator_client, coordinator):
    EventSeries.objects.create(
        title_fi="Hyvinvoinnin aamu", rrule="FREQ=MONTHLY;BYDAY=-1TU", starts_on=dt.date(2026, 1, 1),
        start_time=dt.time(8, 15), duration_minutes=40, kind="morning_meeting",
    )  # fmt: skip
    EventSeries.objects.create(
        title_fi="Oma sarjamme", rrule="FREQ=MONTHLY;BYDAY=1TH", starts_on=dt.date(2026, 1, 1),
        start_time=dt.time(13, 0), duration_minutes=90, kind="network_meeting", network=coordinator.own_network,
    )  # fmt: skip
    event = EventFactory(network=coordinator.own_network)
    html = coordinator_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    series_select = re.search(r'<select name="series".*?</select>', html, re.S).group(0)
    assert "Oma sarjamme" in series_select
    assert "Hyvinvoinnin aamu" not in series_select
    changelist = coordinator_client.get("/admin/events/event/").content.decode()
    assert "Hyvinvoinnin aamu" not in changelist


def test_attendance_is_not_editable_on_the_enrolment_form(coordinator_client, coordinator):
    enrollment = EnrollmentFactory(
        event=EventFactory(network=coordinator.own_network), status=Enrollment.Status.CANCELLED
    )
    coordinator_client.post(f"/admin/events/enrollment/{enrollment.pk}/change/", {"attended": "on"})
    enrollment.refresh_from_db()
    assert enrollment.attended is False


def test_mark_attendance_ignores_non_ascii_digits(coordinator_client, coordinator):
    event = EventFactory(
        network=coordinator.own_network,
        start=timezone.now() - dt.timedelta(hours=2),
        end=timezone.now() - dt.timedelta(hours=1),
    )
    EnrollmentFactory(event=event)
    data = {"action": "mark_attendance", "_selected_action": [event.pk], "confirm": "yes", "present": ["²", "1:²"]}
    response = coordinator_client.post("/admin/events/event/", data)
    assert response.status_code in (200, 302)
    assert not Enrollment.objects.filter(attended=True).exists()


def test_view_only_staff_are_not_offered_the_changing_actions(client):
    viewer = UserFactory(is_staff=True)
    viewer.user_permissions.set(Permission.objects.filter(codename="view_event"))
    client.force_login(viewer)
    html = client.get("/admin/events/event/").content.decode()
    assert 'value="cancel_events"' not in html and 'value="duplicate"' not in html
