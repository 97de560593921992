"""The admin's filters survive junk in the query string: never a 500."""

import pytest

pytestmark = pytest.mark.django_db

CHANGELISTS = [
    "/admin/networks/membership/",
    "/admin/networks/network/",
    "/admin/events/event/",
    "/admin/events/enrollment/",
    "/admin/newsletter/subscriber/",
    "/admin/newsletter/newsletterissue/",
    "/admin/materials/material/",
    "/admin/audit/auditentry/",
]


@pytest.mark.parametrize("path", CHANGELISTS)
@pytest.mark.parametrize(
    "query",
    ["status__exact=%00", "q=%00", "status__exact=a%00b", "o=%00", "p=%00", "kind__exact=%00x"],
)
def test_a_nul_byte_in_a_filter_is_not_a_server_error(staff_client, path, query):
    response = staff_client.get(f"{path}?{query}")
    assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize(
    "query",
    ["start__year=99999999999", "start__year=0", "start__month=13&start__year=2026", "start__day=-1", "start__year=x"],
)
def test_an_absurd_date_in_the_date_hierarchy_is_not_a_server_error(staff_client, query):
    response = staff_client.get(f"/admin/events/event/?{query}")
    assert response.status_code in (200, 302, 400)


@pytest.mark.parametrize("selected", ["abc", "\x00", "1.5", "", ["1", "x"]])
def test_junk_in_an_actions_rows_changes_nothing_and_is_not_a_server_error(staff_client, selected):
    from networks.models import Membership
    from tests.networks.factories import MembershipFactory

    pending = MembershipFactory(status=Membership.Status.PENDING)
    if isinstance(selected, list):
        selected = [str(pending.pk) if value == "1" else value for value in selected]
    staff_client.raise_request_exception = False
    response = staff_client.post(
        "/admin/networks/membership/", {"action": "approve_selected", "_selected_action": selected}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/networks/membership/"
    pending.refresh_from_db()
    assert pending.status == Membership.Status.PENDING


def test_a_coordinators_forged_action_with_junk_rows_is_refused_alike(coordinator_client):
    coordinator_client.raise_request_exception = False
    response = coordinator_client.post(
        "/admin/events/event/", {"action": "cancel_events", "_selected_action": ["\x00", "abc"]}
    )
    assert response.status_code == 302


def test_a_valid_selection_still_reaches_the_action(staff_client):
    from networks.models import Membership
    from tests.networks.factories import MembershipFactory

    pending = MembershipFactory(status=Membership.Status.PENDING)
    staff_client.post("/admin/networks/membership/", {"action": "approve_selected", "_selected_action": [pending.pk]})
    pending.refresh_from_db()
    assert pending.status == Membership.Status.ACTIVE


def test_the_csrf_check_comes_before_the_junk_check(staff_user):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(staff_user)
    response = client.post("/admin/networks/membership/", {"action": "approve_selected", "_selected_action": "abc"})
    assert response.status_code == 403
