"""The search lemmas follow every save: the admin's, a service's, and a partial save leaves them alone."""

import pytest

from networks.models import Network
from search.selectors import site_search
from tests.materials.factories import MaterialFactory
from tests.networks.factories import NetworkFactory
from tests.networks.test_audit import network_form

pytestmark = pytest.mark.django_db


def names_found(user, text) -> list[str]:
    return [hit.row.name_fi for hit in site_search(user, text).networks.hits]


@pytest.mark.voikko
def test_a_network_renamed_in_the_admin_is_found_by_its_new_name(staff_client):
    network = NetworkFactory(name_fi="Liikunnan verkosto")
    post = network_form(staff_client, network)
    post["name_fi"] = "Tupakkavalmisteiden verkosto"
    response = staff_client.post(f"/admin/networks/network/{network.pk}/change/", post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert names_found(staff_client.user, "tupakka") == ["Tupakkavalmisteiden verkosto"]
    assert names_found(staff_client.user, "liikunta") == []


def test_a_partial_save_keeps_the_lemmas():
    material = MaterialFactory(title_fi="Nuorten uni")
    lemmas = material.search_title
    material.download_count = 3
    material.save(update_fields=["download_count"])
    material.refresh_from_db()
    assert material.search_title == lemmas != ""


def test_a_network_saved_in_code_gets_lemmas_in_every_language():
    network = NetworkFactory(name_fi="Savuton elämä", name_sv="Rökfritt liv", name_en="Smoke-free life")
    network = Network.objects.get(pk=network.pk)
    assert {"savuton", "rökfritt", "smoke", "free"} <= set(network.search_title.split())
