"""The demo material bank: the source pages' materials, linked to their theme networks, seeded once."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser

from demo import materials as demo
from materials.models import Material
from materials.selectors import search_materials
from networks.models import Network
from tests.events.factories import EventFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def theme_networks():
    names = {
        "falls": "Prevention of falls",
        "smoking": "Promoting a non-smoking and nicotine-free life",
        "children": "Wellbeing of children and adolescents",
        "unemployed": "Services for the long-term unemployed",
        "obesity": "Prevention and treatment of obesity",
    }
    return {key: NetworkFactory(name_en=name, kind=Network.Kind.GOOD_SPIRAL_THEME) for key, name in names.items()}


def seed():
    out = io.StringIO()
    demo.seed(out)
    return out.getvalue()


def test_seeding_twice_creates_the_materials_once(theme_networks, stored_files):
    assert "11 created" in seed()
    files = stored_files()
    assert "0 created" in seed()
    assert Material.objects.count() == 11
    assert stored_files() == files


def test_demo_has_pdf_files_links_and_a_members_only_material(theme_networks, stored_files):
    seed()
    pdfs = Material.objects.exclude(file="")
    assert pdfs.count() == 4
    assert all(material.content_type == "application/pdf" and material.file_size > 500 for material in pdfs)
    assert len(stored_files()) == 4
    assert all(
        url.startswith("https://example.org/") for url in Material.objects.exclude(url="").values_list("url", flat=True)
    )
    assert Material.objects.filter(visibility=Material.Visibility.MEMBERS).exists()


def test_fall_prevention_materials_are_linked_to_the_fall_network_and_found_by_kaatumis(theme_networks):
    seed()
    fall_titles = set(theme_networks["falls"].materials.values_list("title_en", flat=True))
    assert {
        "Programme for the Prevention of Home and Leisure Injuries 2021–2030",
        "Fall risk self-assessment form",
    } <= fall_titles
    found = {m.title_en for m in search_materials(AnonymousUser(), text="kaatumis")}
    assert "Programme for the Prevention of Home and Leisure Injuries 2021–2030" in found


def test_smoke_free_surgery_guide_belongs_to_the_smoking_theme(theme_networks):
    seed()
    guide = Material.objects.get(title_fi="Tupakoimattomana ja nikotiinittomana leikkaukseen")
    assert list(guide.networks.all()) == [theme_networks["smoking"]]
    assert guide.year == 2021 and guide.kind == Material.Kind.GUIDE


def test_every_demo_material_is_described_in_three_languages(theme_networks):
    seed()
    for material in Material.objects.all():
        assert material.title_fi and material.title_sv and material.title_en
        assert material.description_fi and material.description_sv and material.description_en


def test_seeding_without_networks_or_events_still_works():
    seed()
    assert Material.objects.count() == 11
    assert not Material.networks.through.objects.exists()


def test_networks_that_appear_later_are_linked_on_the_next_run():
    seed()
    falls = NetworkFactory(name_en="Prevention of falls", kind=Network.Kind.GOOD_SPIRAL_THEME)
    seed()
    assert falls.materials.count() == 3


def test_programme_is_attached_to_the_fall_prevention_event():
    event = EventFactory(title_en="Preventing falls")
    seed()
    assert list(event.materials.values_list("title_en", flat=True)) == [
        "Programme for the Prevention of Home and Leisure Injuries 2021–2030"
    ]


def test_missing_demo_file_is_drawn_again(stored_files):
    seed()
    material = Material.objects.exclude(file="").first()
    material.file.storage.delete(material.file.name)
    seed()
    assert material.file.storage.exists(material.file.name)
