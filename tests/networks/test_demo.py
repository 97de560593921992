import pytest

from accounts.models import User
from networks.coordinators import COORDINATORS_GROUP
from networks.models import Membership, Network, NetworkRole
from networks.selectors import coordinated_network_ids
from tests.helpers import pass_second_factor

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ["name", "summary", "description", "focus_areas", "meeting_rhythm"]


def test_demo_has_the_networks_of_the_source_pages(demo):
    kinds = dict(Network.objects.values_list("slug", "kind"))
    policies = dict(Network.objects.values_list("slug", "join_policy"))
    themes = ["nicotine-free-life", "children-and-adolescents", "long-term-unemployed", "obesity", "fall-prevention"]
    assert [slug for slug, kind in kinds.items() if kind == "good_spiral_theme"] == themes
    assert policies["public-health-directors"] == policies["oral-health-directors"] == "approval"
    assert policies["developer-coaching-alumni"] == policies["hus-internal-hyte-group"] == "invitation"
    assert Network.objects.get(slug="oral-health-directors").meeting_rhythm_en == "3–4 times a year"


def test_every_demo_text_is_written_in_three_languages(demo):
    for network in Network.objects.all():
        for field in TEXT_FIELDS:
            texts = [getattr(network, f"{field}_{language}") for language in ("fi", "sv", "en")]
            assert all(texts), f"{network.slug}.{field}"
            assert len(set(texts)) == 3 or field == "focus_areas", f"{network.slug}.{field} is not translated"


def test_director_networks_have_a_chair_and_the_public_health_directors_a_secretary(demo):
    roles = set(NetworkRole.objects.values_list("network__slug", "role"))
    assert {("public-health-directors", "chair"), ("public-health-directors", "secretary")} <= roles
    assert ("oral-health-directors", "chair") in roles
    assert all(network.roles.exists() for network in Network.objects.all())


def test_contact_people_are_example_org_coordinators_without_superuser_rights(demo):
    for role in NetworkRole.objects.select_related("user"):
        person = role.user
        assert person.email.endswith("@example.org")
        assert person.is_staff and not person.is_superuser
        assert person.groups.filter(name=COORDINATORS_GROUP).exists()
    chair = User.objects.get(email="public-health.chair@example.org")
    assert coordinated_network_ids(chair) == {Network.objects.get(slug="public-health-directors").pk}


def test_the_demo_member_is_in_one_theme_network(demo):
    memberships = Membership.objects.filter(user__email="member@example.org")
    assert [(m.network.kind, m.status) for m in memberships] == [("good_spiral_theme", "active")]


def test_the_demo_coordinator_logs_in_to_the_admin(client, demo):
    assert client.login(email="fall-prevention.contact@example.org", password="hyte-coordinator-demo")
    pass_second_factor(client)
    html = client.get("/admin/networks/network/").content.decode()
    assert client.get("/admin/networks/network/").status_code == 200
    assert "Kaatumisten ehkäisy" in html and "Lihavuuden ehkäisy" not in html
