"""Uploading, changing and removing materials leave an entry in the audit trail, in the same transaction."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from materials import services
from materials.models import Material
from tests.factories import UserFactory
from tests.materials.factories import MaterialFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


def test_saving_a_material_of_one_network_is_recorded_for_that_network():
    staff, network = UserFactory(is_staff=True), NetworkFactory()
    material = Material(title_fi="Opas", kind=Material.Kind.GUIDE, url="https://example.org/opas")
    services.save_material(material=material, networks=[network], by=staff)
    material.title_fi = "Uusi opas"
    services.save_material(material=material, by=staff)
    created, changed = AuditEntry.objects.filter(action="material.saved").order_by("pk")
    assert (created.actor, created.network, created.object_id) == (staff, network, str(material.pk))
    assert created.details == {"created": True, "file": False, "networks": [network.pk]}
    assert changed.details["created"] is False and changed.object_label == "Uusi opas"


def test_a_material_of_several_networks_or_none_belongs_to_no_single_network():
    first, second = NetworkFactory(), NetworkFactory()
    shared = services.save_material(material=MaterialFactory.build(), networks=[first, second], by=None)
    entry = AuditEntry.objects.get(object_id=str(shared.pk))
    assert entry.network is None and entry.by_system
    assert entry.details["networks"] == sorted([first.pk, second.pk])


def test_a_refused_material_leaves_no_entry():
    with pytest.raises(ValidationError):
        services.save_material(material=Material(title_fi="Opas", kind=Material.Kind.GUIDE), by=None)
    assert not AuditEntry.objects.exists()


def test_removing_a_material_in_the_admin_is_recorded_with_its_id_and_title(staff_client):
    network = NetworkFactory()
    material = MaterialFactory(title_en="Old guide")
    material.networks.set([network])
    response = staff_client.post(f"/admin/materials/material/{material.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    entry = AuditEntry.objects.get(action="material.removed")
    assert (entry.actor, entry.network, entry.object_id) == (staff_client.user, network, str(material.pk))
    assert entry.object_label == "Old guide" and not Material.objects.exists()  # the admin is in English
