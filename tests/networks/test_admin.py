import csv
import io

import pytest
from django.core import mail

from networks import services
from networks.models import Invitation, Membership, Network
from tests.factories import UserFactory
from tests.networks.factories import MembershipFactory, NetworkFactory, make_coordinator

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/networks/membership/"
INVITATIONS = "/admin/networks/invitation/"


@pytest.fixture
def own_network():
    return NetworkFactory(name_en="Public health directors", join_policy=Network.JoinPolicy.APPROVAL)


@pytest.fixture
def other_network():
    return NetworkFactory(name_en="Oral health directors", join_policy=Network.JoinPolicy.APPROVAL)


@pytest.fixture(autouse=True)
def admin_in_english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def action(client, name, memberships, url=CHANGELIST):
    return client.post(url, {"action": name, "_selected_action": [m.pk for m in memberships], "index": 0}, follow=True)


def test_coordinator_sees_only_their_own_networks_memberships(coordinator_client, own_network, other_network):
    MembershipFactory(network=own_network, user=UserFactory(email="own.member@example.org"))
    MembershipFactory(network=other_network, user=UserFactory(email="other.member@example.org"))
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert "own.member@example.org" in html
    assert "other.member@example.org" not in html


@pytest.mark.parametrize("suffix", ["change/", "delete/", "history/"])
def test_another_networks_membership_and_a_missing_one_answer_a_coordinator_alike(
    coordinator_client, other_network, suffix
):
    membership = MembershipFactory(network=other_network)
    foreign = coordinator_client.get(f"{CHANGELIST}{membership.pk}/{suffix}")
    missing = coordinator_client.get(f"{CHANGELIST}999999/{suffix}")
    assert foreign.status_code == missing.status_code == 404
    assert "Location" not in foreign and "Location" not in missing


def test_coordinator_cannot_change_another_networks_membership_by_post(coordinator_client, other_network):
    membership = MembershipFactory(network=other_network, status=Membership.Status.PENDING)
    response = coordinator_client.post(f"{CHANGELIST}{membership.pk}/change/", {"status": "active"})
    assert response.status_code == 404
    assert coordinator_client.post(f"{CHANGELIST}{membership.pk}/delete/", {"post": "yes"}).status_code == 404
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.PENDING


def test_coordinator_cannot_open_or_edit_another_network(coordinator_client, other_network):
    url = f"/admin/networks/network/{other_network.pk}/change/"
    assert coordinator_client.get(url).status_code == 404
    assert coordinator_client.post(url, {"name_fi": "Kaapattu"}).status_code == 404
    assert coordinator_client.get("/admin/networks/network/999999/change/").status_code == 404
    other_network.refresh_from_db()
    assert other_network.name_fi != "Kaapattu"


def test_the_scope_check_answers_not_found_for_another_networks_row(coordinator, other_network, rf):
    """A view that loads a row by itself and asks the admin's permission check learns no more than from a 404."""
    from django.contrib import admin
    from django.http import Http404

    request = rf.get("/admin/")
    request.user = coordinator
    memberships, networks = admin.site.get_model_admin(Membership), admin.site.get_model_admin(Network)
    foreign = MembershipFactory(network=other_network)
    for check, row in [
        (memberships.has_view_permission, foreign),
        (memberships.has_delete_permission, foreign),
        (networks.has_change_permission, other_network),
    ]:
        with pytest.raises(Http404):
            check(request, row)
    assert memberships.has_view_permission(request, MembershipFactory(network=coordinator.own_network))
    assert networks.has_change_permission(request, coordinator.own_network)


def test_coordinator_sees_and_edits_only_the_texts_of_their_own_network(coordinator_client, own_network, other_network):
    html = coordinator_client.get("/admin/networks/network/").content.decode()
    assert "Public health directors" in html and "Oral health directors" not in html
    form = coordinator_client.get(f"/admin/networks/network/{own_network.pk}/change/").content.decode()
    assert 'name="summary_fi"' in form
    assert 'name="join_policy"' not in form and 'name="slug"' not in form


def test_coordinator_may_not_create_networks(coordinator_client):
    assert coordinator_client.get("/admin/networks/network/add/").status_code == 403


def test_a_missing_row_is_still_just_missing_for_staff(staff_client):
    response = staff_client.get(f"{CHANGELIST}999999/change/")
    assert response.status_code == 302  # the admin's usual "does not exist" redirect


def test_a_coordinator_cannot_add_someone_elses_account_to_their_network(coordinator_client, own_network):
    person = UserFactory()
    response = coordinator_client.post(
        f"{CHANGELIST}add/", {"email": person.email, "network": own_network.pk, "status": "active"}
    )
    assert response.status_code == 403
    assert not Membership.objects.filter(user=person).exists()
    unknown = coordinator_client.post(
        f"{CHANGELIST}add/", {"email": "nobody@example.org", "network": own_network.pk, "status": "active"}
    )
    assert unknown.status_code == 403  # the same answer: nothing about which addresses have accounts
    assert "No account uses the address" not in unknown.content.decode()


def test_a_coordinator_invites_only_to_their_own_networks(coordinator_client, own_network, other_network):
    form = coordinator_client.get(f"{INVITATIONS}add/").content.decode()
    assert f'<option value="{own_network.pk}">' in form
    assert f'<option value="{other_network.pk}">' not in form
    response = coordinator_client.post(
        f"{INVITATIONS}add/", {"email": "pia@example.org", "network": other_network.pk, "language": "fi"}
    )
    assert response.status_code == 200  # the form again, with an error
    assert not Invitation.objects.exists()


def test_a_coordinator_is_told_the_same_whether_or_not_the_address_has_an_account(
    coordinator_client, own_network, tasks_inline, django_capture_on_commit_callbacks
):
    UserFactory(email="known@example.org")
    MembershipFactory(network=own_network, user=UserFactory(email="member@example.org"))
    answers = set()
    for email in ("known@example.org", "unknown@example.org", "member@example.org"):
        with django_capture_on_commit_callbacks(execute=True):
            response = coordinator_client.post(
                f"{INVITATIONS}add/", {"email": email, "network": own_network.pk, "language": "en"}, follow=True
            )
        said = [str(message).replace(email, "ADDRESS") for message in response.context["messages"]]
        answers.add((response.redirect_chain[-1][0], tuple(said)))
    assert answers == {
        (
            INVITATIONS,
            (
                "An invitation to join Public health directors is on its way to ADDRESS. "
                "The person becomes a member when they accept it.",
            ),
        )
    }
    assert sorted(message.to[0] for message in mail.outbox) == [
        "known@example.org",
        "member@example.org",
        "unknown@example.org",
    ]
    assert Membership.objects.count() == 1  # nobody was added without accepting


def test_a_coordinator_invites_to_an_invitation_network_and_the_person_accepts(
    client, tasks_inline, django_capture_on_commit_callbacks
):
    alumni = NetworkFactory(join_policy=Network.JoinPolicy.INVITATION)
    client.force_login(make_coordinator(alumni, role="coordinator"))
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"{INVITATIONS}add/", {"email": person.email.upper(), "network": alumni.pk, "language": "fi"}
        )
    assert response.status_code == 302
    assert not Membership.objects.filter(user=person).exists()
    [message] = mail.outbox
    token = Invitation.objects.get(network=alumni).token
    assert token in message.body
    services.accept_invitation(token=token, user=person)
    membership = Membership.objects.get(user=person, network=alumni)
    assert membership.status == Membership.Status.ACTIVE and membership.joined_at is not None


def test_a_coordinator_sees_only_their_own_networks_invitations(coordinator_client, own_network, other_network):
    services.invite_member(network=own_network, email="own.guest@example.org", invited_by=coordinator_client.user)
    foreign = services.invite_member(network=other_network, email="other.guest@example.org", invited_by=None)
    html = coordinator_client.get(INVITATIONS).content.decode()
    assert "own.guest@example.org" in html and "other.guest@example.org" not in html
    assert coordinator_client.get(f"{INVITATIONS}{foreign.pk}/change/").status_code == 404


def test_an_invitation_is_shown_not_edited_and_its_link_stays_out_of_the_admin(staff_client, own_network):
    invitation = services.invite_member(network=own_network, email="guest@example.org", invited_by=None)
    html = staff_client.get(f"{INVITATIONS}{invitation.pk}/change/").content.decode()
    assert "guest@example.org" in html and 'name="_save"' not in html
    assert invitation.token not in html


def test_staff_still_add_an_account_directly(staff_client, own_network):
    person = UserFactory()
    response = staff_client.post(
        f"{CHANGELIST}add/", {"email": person.email, "network": own_network.pk, "status": "active"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(user=person, network=own_network).status == Membership.Status.ACTIVE


def test_adding_a_second_membership_for_the_same_person_is_refused_with_a_message(staff_client, own_network):
    existing = MembershipFactory(network=own_network)
    response = staff_client.post(
        f"{CHANGELIST}add/", {"email": existing.user.email, "network": own_network.pk, "status": "active"}
    )
    assert response.status_code == 200
    assert "already has a membership in Public health directors" in response.content.decode()
    assert Membership.objects.filter(user=existing.user).count() == 1


def test_adding_someone_without_an_account_says_they_must_sign_up(staff_client, own_network):
    response = staff_client.post(
        f"{CHANGELIST}add/", {"email": "nobody@example.org", "network": own_network.pk, "status": "active"}
    )
    assert "No account uses the address nobody@example.org." in response.content.decode()
    assert not Membership.objects.exists()


def test_coordinator_forms_do_not_list_every_user_of_the_portal(coordinator_client, own_network):
    UserFactory(first_name="Otto", last_name="Outsider")
    MembershipFactory(network=own_network, user=UserFactory(first_name="Inka", last_name="Insider"))
    add_form = coordinator_client.get(f"{INVITATIONS}add/").content.decode()
    network_form = coordinator_client.get(f"/admin/networks/network/{own_network.pk}/change/").content.decode()
    assert "Otto Outsider" not in add_form and "Otto Outsider" not in network_form
    assert ">Inka Insider</option>" in network_form  # the network's own members may be named contact people


def test_superuser_sees_every_network(staff_client, own_network, other_network):
    MembershipFactory(network=own_network, user=UserFactory(email="own.member@example.org"))
    MembershipFactory(network=other_network, user=UserFactory(email="other.member@example.org"))
    html = staff_client.get(CHANGELIST).content.decode()
    assert "own.member@example.org" in html and "other.member@example.org" in html


def test_coordinator_approves_requests_and_the_members_get_e_mail(
    coordinator_client, own_network, tasks_inline, django_capture_on_commit_callbacks
):
    requests = MembershipFactory.create_batch(2, network=own_network, status="pending", user__preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        html = action(coordinator_client, "approve_selected", requests).content.decode()
    assert "2 requests approved." in html
    assert set(Membership.objects.values_list("status", flat=True)) == {"active"}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(r.user.email for r in requests)
    assert all(m.subject == "Welcome to Public health directors" for m in mail.outbox)


def test_coordinator_rejects_a_request_and_the_member_is_told(
    coordinator_client, own_network, tasks_inline, django_capture_on_commit_callbacks
):
    request = MembershipFactory(network=own_network, status="pending", user__preferred_language="fi")
    with django_capture_on_commit_callbacks(execute=True):
        action(coordinator_client, "reject_selected", [request])
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.REJECTED
    [message] = mail.outbox
    assert message.subject.startswith("Jäsenyyspyyntösi verkostoon")


def test_approving_an_already_decided_request_warns_and_changes_nothing(
    coordinator_client, own_network, tasks_inline, django_capture_on_commit_callbacks
):
    decided = MembershipFactory(network=own_network, status=Membership.Status.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        html = action(coordinator_client, "approve_selected", [decided]).content.decode()
    assert "has already been decided" in html
    assert Membership.objects.get(pk=decided.pk).status == Membership.Status.REJECTED
    assert mail.outbox == []


def test_coordinator_cannot_approve_another_networks_request(
    coordinator_client, other_network, tasks_inline, django_capture_on_commit_callbacks
):
    request = MembershipFactory(network=other_network, status="pending")
    with django_capture_on_commit_callbacks(execute=True):
        action(coordinator_client, "approve_selected", [request])
    assert Membership.objects.get(pk=request.pk).status == Membership.Status.PENDING
    assert mail.outbox == []


def test_memberships_filter_by_network_status_and_region(staff_client, own_network, other_network):
    MembershipFactory(network=own_network, user=UserFactory(email="hus.person@example.org", region="hus"))
    MembershipFactory(network=own_network, user=UserFactory(email="helsinki.person@example.org", region="helsinki"))
    MembershipFactory(network=other_network, user=UserFactory(email="other.person@example.org", region="hus"))
    html = staff_client.get(
        CHANGELIST, {"network__id__exact": own_network.pk, "status__exact": "active", "user__region__exact": "hus"}
    ).content.decode()
    assert "hus.person@example.org" in html
    assert "helsinki.person@example.org" not in html and "other.person@example.org" not in html


def test_csv_export_of_a_networks_members(staff_client, own_network):
    MembershipFactory(
        network=own_network,
        user=UserFactory(first_name="Äiti", last_name="Ålander", organisation="=HYPERLINK(1)", email="a@example.org"),
    )
    MembershipFactory(network=own_network, status="pending", user=UserFactory(email="pending@example.org"))
    response = staff_client.post(
        "/admin/networks/network/",
        {"action": "export_members_csv", "_selected_action": [own_network.pk], "index": 0},
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[1][2:5] == ["Äiti", "Ålander", "a@example.org"]
    assert rows[1][5] == "'=HYPERLINK(1)"  # not a formula when opened in a spreadsheet


def test_coordinators_csv_export_holds_only_their_own_members(coordinator_client, own_network, other_network):
    MembershipFactory(network=own_network, user=UserFactory(email="own@example.org"))
    other = MembershipFactory(network=other_network, user=UserFactory(email="other@example.org"))
    response = coordinator_client.post(
        CHANGELIST, {"action": "export_csv", "_selected_action": [other.pk], "index": 0}, follow=True
    )
    assert "other@example.org" not in response.content.decode("utf-8-sig")


def test_an_existing_membership_is_shown_not_edited(coordinator_client, own_network):
    membership = MembershipFactory(network=own_network, status=Membership.Status.PENDING)
    html = coordinator_client.get(f"{CHANGELIST}{membership.pk}/change/").content.decode()
    assert "Pending" in html and 'name="_save"' not in html


def test_even_a_superuser_changes_a_status_only_through_the_actions(staff_client, own_network):
    membership = MembershipFactory(network=own_network, status=Membership.Status.PENDING)
    response = staff_client.post(
        f"{CHANGELIST}{membership.pk}/change/",
        {"user": membership.user.pk, "network": own_network.pk, "status": "active"},
    )
    assert response.status_code == 403
    assert Membership.objects.get(pk=membership.pk).status == Membership.Status.PENDING


def test_region_filter_offers_the_regions_by_name(staff_client):
    html = staff_client.get(CHANGELIST).content.decode()
    assert "Western Uusimaa wellbeing services county" in html


def test_the_network_form_loads_no_script_from_another_site(staff_client, own_network):
    html = staff_client.get(f"/admin/networks/network/{own_network.pk}/change/").content.decode()
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    assert "googleapis" not in html and 'src="//' not in html


def test_staff_outside_the_coordinators_group_are_not_scoped(client, own_network, other_network):
    from django.contrib.auth.models import Permission

    office = UserFactory(is_staff=True)
    office.user_permissions.add(*Permission.objects.filter(codename__in=["view_membership", "change_membership"]))
    client.force_login(office)
    MembershipFactory(network=own_network, user=UserFactory(email="own.member@example.org"))
    MembershipFactory(network=other_network, user=UserFactory(email="other.member@example.org"))
    html = client.get(CHANGELIST).content.decode()
    assert "own.member@example.org" in html and "other.member@example.org" in html


def test_the_coordinators_group_can_be_given_another_apps_permissions():
    from networks.coordinators import grant_coordinator_permissions

    group = grant_coordinator_permissions({"events": {"event": ["view", "change"]}})
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"view_event", "change_event"} <= codenames


def test_a_malformed_id_is_not_a_server_error(coordinator_client):
    assert coordinator_client.get(f"{CHANGELIST}not-a-number/change/").status_code == 404


def test_junk_in_the_invitation_filters_is_not_a_server_error(coordinator_client):
    for query in ("status__exact=%00", "q=%00", "network__id__exact=x", "o=%00"):
        assert coordinator_client.get(f"{INVITATIONS}?{query}").status_code in (200, 302)


def test_a_member_added_in_the_admin_is_e_mailed_and_the_decider_recorded(
    staff_client, own_network, tasks_inline, django_capture_on_commit_callbacks
):
    person = UserFactory(preferred_language="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"{CHANGELIST}add/", {"email": person.email, "network": own_network.pk, "status": "active"}
        )
    assert response.status_code == 302
    membership = Membership.objects.get(user=person, network=own_network)
    assert membership.decided_by == staff_client.user
    assert [message.subject for message in mail.outbox] == ["Welcome to Public health directors"]


def test_a_person_who_left_can_be_added_again_in_the_admin(staff_client, own_network):
    left = MembershipFactory(network=own_network, status=Membership.Status.LEFT)
    response = staff_client.post(
        f"{CHANGELIST}add/", {"email": left.user.email, "network": own_network.pk, "status": "active"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(pk=left.pk).status == Membership.Status.ACTIVE


def test_a_member_added_by_someone_else_meanwhile_is_reported_not_a_server_error(
    staff_client, own_network, monkeypatch
):
    existing = MembershipFactory(network=own_network)
    # The form's check passes as if the other person's save had not committed yet; the service then refuses.
    monkeypatch.setattr(services, "ensure_member_can_be_added", lambda **kwargs: None)
    response = staff_client.post(
        f"{CHANGELIST}add/", {"email": existing.user.email, "network": own_network.pk, "status": "active"}, follow=True
    )
    assert response.redirect_chain[-1][0] == f"{CHANGELIST}add/"
    assert "already has a membership in Public health directors" in response.content.decode()
    assert Membership.objects.filter(user=existing.user).count() == 1
