"""The material bank page: search, filters, paging and what each item says about itself."""

import re

import pytest
from django.test import Client

from materials.models import Material
from tests.events.factories import EventFactory
from tests.helpers import count_queries
from tests.materials.factories import MaterialFactory, PdfMaterialFactory
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

URL = "/en/materials/"


def titles_on(response) -> list[str]:
    return re.findall(r'<h3 class="material-title">\s*<a [^>]*>([^<]+?)\s*(?:<span|</a>)', response.content.decode())


@pytest.fixture
def fall_network():
    return NetworkFactory(slug="kaatumisten-ehkaisy", name_fi="Kaatumisten ehkäisy", name_en="Prevention of falls")


@pytest.fixture
def fall_materials(fall_network):
    programme = MaterialFactory(
        title_fi="Koti- ja vapaa-ajan tapaturmien ehkäisyn ohjelma 2021–2030",
        title_en="Programme for the Prevention of Home and Leisure Injuries 2021–2030",
        description_fi="Valtakunnallinen ohjelma, joka ohjaa kaatumisten ehkäisyä.",
        kind=Material.Kind.PUBLICATION,
        year=2021,
    )
    programme.networks.add(fall_network)
    form = PdfMaterialFactory(
        title_fi="Kaatumisvaaran itsearviointilomake",
        title_en="Fall risk self-assessment form",
        year=2024,
    )
    form.networks.add(fall_network)
    return [programme, form]


def test_bank_lists_public_materials_for_a_visitor(client):
    MaterialFactory(title_en="Wellbeing facts about young people")
    response = client.get(URL)
    assert response.status_code == 200
    assert titles_on(response) == ["Wellbeing facts about young people"]


def test_visitor_sees_a_members_only_material_as_locked_without_its_description():
    MaterialFactory(title_en="Open guide")
    MaterialFactory(
        title_en="Members form",
        description_en="Internal notes of the network.",
        url="https://example.org/internal-form",
        visibility=Material.Visibility.MEMBERS,
    )
    html = Client().get(URL).content.decode()
    assert 'Members form <span class="material-locked">(members only, log in to open)</span>' in html
    assert "Internal notes" not in html
    assert "internal-form" not in html and "example.org" in html.split("Open guide")[1]


def test_member_sees_members_only_materials_in_full(member_client):
    MaterialFactory(
        title_en="Members form", description_en="Internal notes of the network.", visibility=Material.Visibility.MEMBERS
    )
    html = member_client.get(URL).content.decode()
    assert "log in to open" not in html
    assert "Internal notes of the network." in html


def test_searching_kaatumis_finds_the_fall_prevention_materials(client, fall_materials):
    MaterialFactory(title_fi="Painon puheeksi ottaminen", title_en="Bringing up weight")
    response = client.get("/fi/materials/", {"q": "kaatumis"})
    assert sorted(titles_on(response)) == [
        "Kaatumisvaaran itsearviointilomake",
        "Koti- ja vapaa-ajan tapaturmien ehkäisyn ohjelma 2021–2030",
    ]


def test_search_matches_every_word(client, fall_materials):
    response = client.get(URL, {"q": "kaatumis ohjelma"})
    assert titles_on(response) == ["Programme for the Prevention of Home and Leisure Injuries 2021–2030"]


def test_search_finds_words_in_any_language(client, fall_materials):
    response = client.get("/sv/materials/", {"q": "self-assessment"})
    assert len(titles_on(response)) == 1


def test_filtering_by_the_fall_prevention_network_finds_its_materials(client, fall_materials):
    MaterialFactory(title_en="Something else")
    response = client.get(URL, {"network": "kaatumisten-ehkaisy"})
    assert sorted(titles_on(response)) == [
        "Fall risk self-assessment form",
        "Programme for the Prevention of Home and Leisure Injuries 2021–2030",
    ]


def test_filters_by_kind_year_and_language(client):
    MaterialFactory(title_en="Video 2021", kind=Material.Kind.VIDEO, year=2021)
    MaterialFactory(title_en="Video 2019", kind=Material.Kind.VIDEO, year=2019)
    MaterialFactory(title_en="Swedish guide", kind=Material.Kind.GUIDE, year=2021, language="sv")
    assert titles_on(client.get(URL, {"kind": "video", "year": "2021"})) == ["Video 2021"]
    assert titles_on(client.get(URL, {"language": "sv"})) == ["Swedish guide"]


def test_year_filter_offers_the_years_that_have_materials(client):
    MaterialFactory(year=2019)
    MaterialFactory(year=2021)
    html = client.get(URL).content.decode()
    assert re.findall(r'<option value="(\d{4})"', html) == ["2021", "2019"]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\"'&|!():*<>\\ kaatumis:* & !"},
        {"q": "' OR 1=1 --"},
        {"q": "((((((("},
        {"q": ":*"},
        {"q": "x" * 5000},
        {"kind": "nonsense"},
        {"network": "no-such-network"},
        {"year": "twenty"},
        {"year": "99999999999999999999"},
        {"language": "klingon"},
        {"page": "-1"},
        {"page": "999"},
        {"page": "abc"},
    ],
)
def test_hostile_or_invalid_input_never_fails(client, fall_materials, params):
    response = client.get(URL, params)
    assert response.status_code == 200


def test_invalid_filter_is_reported_and_ignored(client, fall_materials):
    response = client.get(URL, {"kind": "nonsense"})
    html = response.content.decode()
    assert "Select a valid choice" in html
    assert len(titles_on(response)) == 2


def test_words_with_operators_still_search(client, fall_materials):
    response = client.get("/fi/materials/", {"q": "kaatumis:* & !"})
    assert len(titles_on(response)) == 2


def test_results_are_paged(client):
    MaterialFactory.create_batch(25)
    first = client.get(URL)
    second = client.get(URL, {"page": 2})
    assert len(titles_on(first)) == 20
    assert len(titles_on(second)) == 5
    assert "Page 1 of 2" in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()


def test_paging_keeps_the_search(client):
    MaterialFactory.create_batch(25, kind=Material.Kind.VIDEO)
    html = client.get(URL, {"kind": "video"}).content.decode()
    assert 'href="?kind=video&amp;page=2"' in html


def test_file_item_shows_kind_language_year_type_and_size(client):
    material = PdfMaterialFactory(title_en="Smoke-free surgery", year=2021, kind=Material.Kind.GUIDE)
    Material.objects.filter(pk=material.pk).update(file_size=3_240_000)
    html = client.get(URL).content.decode()
    assert "Guide" in html and "In Finnish" in html and "2021" in html
    assert "PDF, 3.1\xa0MB" in html


def test_file_size_uses_the_finnish_number_format(client):
    material = PdfMaterialFactory(title_en="Smoke-free surgery")
    Material.objects.filter(pk=material.pk).update(file_size=3_240_000)
    html = client.get("/fi/materials/").content.decode()
    assert "PDF, 3,1\xa0MB" in html


def test_external_link_opens_in_a_new_window_and_says_it_leaves_the_site(client):
    material = MaterialFactory(title_en="Health Village", url="https://example.org/terveyskyla")
    html = client.get(URL).content.decode()
    link = re.search(
        r'<a href="([^"]+)" target="_blank" rel="noopener noreferrer">Health Village <span[^>]*>([^<]+)<', html
    )
    assert link is not None
    assert link.group(1) == f"/en/materials/{material.pk}/download/"
    assert link.group(2) == "(opens in a new window, leaves the site)"
    assert "on example.org" in html


def test_list_shows_each_materials_networks_as_filters(client, fall_materials):
    html = client.get(URL).content.decode()
    assert html.count('href="/en/materials/?network=kaatumisten-ehkaisy"') == 2


def test_inactive_networks_are_not_offered_or_shown(client):
    material = MaterialFactory(title_en="Old material")
    material.networks.add(NetworkFactory(name_en="Closed down network", is_active=False))
    html = client.get(URL).content.decode()
    assert "Closed down network" not in html


@pytest.mark.parametrize("params", [{}, {"q": "materiaali", "network": "big", "kind": "link", "year": "2025"}])
def test_list_runs_a_fixed_number_of_queries_whatever_the_number_of_materials(
    member_client, params, django_assert_max_num_queries
):
    network = NetworkFactory(slug="big")
    for material in MaterialFactory.create_batch(2):
        material.networks.add(network, NetworkFactory())
    small = count_queries(member_client, URL, params)
    for material in MaterialFactory.create_batch(40):
        material.networks.add(network, NetworkFactory())
    MaterialFactory.create_batch(5, visibility=Material.Visibility.MEMBERS)
    with django_assert_max_num_queries(small):
        member_client.get(URL, params)
    assert small <= 10


def test_home_page_shows_the_latest_materials(client):
    MaterialFactory(title_en="Older material")
    MaterialFactory(title_en="Newest material")
    MaterialFactory(title_en="Members material", visibility=Material.Visibility.MEMBERS)
    html = client.get("/en/").content.decode()  # the home page lists only what the visitor can open
    assert html.index("Newest material") < html.index("Older material")
    assert "Members material" not in html


def test_home_page_link_to_another_site_says_so_to_screen_readers(client):
    material = MaterialFactory(title_en="Health Village", url="https://example.org/terveyskyla")
    html = client.get("/en/").content.decode()
    assert (
        f'<a href="/en/materials/{material.pk}/download/" target="_blank" rel="noopener noreferrer" '
        'aria-label="Health Village (opens in a new window, leaves the site)"'
    ) in html


def test_home_section_runs_one_query_for_materials(client, django_assert_max_num_queries):
    MaterialFactory.create_batch(2)
    few = count_queries(client, "/en/")
    MaterialFactory.create_batch(20)
    with django_assert_max_num_queries(few):
        client.get("/en/")


def test_selectors_for_network_and_event_pages_respect_visibility(user):
    from django.contrib.auth.models import AnonymousUser

    from materials.selectors import materials_for_event, materials_for_network

    network, event = NetworkFactory(), EventFactory()
    public = MaterialFactory()
    members = MaterialFactory(visibility=Material.Visibility.MEMBERS)
    for material in (public, members):
        material.networks.add(network)
        material.events.add(event)
    MaterialFactory()
    assert list(materials_for_network(AnonymousUser(), network)) == [public]
    assert set(materials_for_network(user, network)) == {public, members}
    assert list(materials_for_event(AnonymousUser(), event)) == [public]
    assert set(materials_for_event(user, event)) == {public, members}


def test_visitors_cannot_search_the_description_of_a_members_only_material(client, db):
    from materials.models import Material
    from tests.materials.factories import MaterialFactory

    MaterialFactory(
        title_fi="Kaatumisvaaran itsearviointilomake",
        description_fi="Sisäinen ohje: salasanalla suojattu lomakepohja",
        visibility=Material.Visibility.MEMBERS,
    )
    assert "itsearviointilomake" not in client.get("/fi/materials/?q=salasanalla").content.decode()
    assert "itsearviointilomake" in client.get("/fi/materials/?q=itsearviointi").content.decode()


def test_members_search_the_descriptions_of_members_only_materials(member_client, db):
    from materials.models import Material
    from tests.materials.factories import MaterialFactory

    MaterialFactory(
        title_fi="Kaatumisvaaran itsearviointilomake",
        description_fi="Sisäinen ohje: salasanalla suojattu lomakepohja",
        visibility=Material.Visibility.MEMBERS,
    )
    assert "itsearviointilomake" in member_client.get("/fi/materials/?q=salasanalla").content.decode()
