"""The site search page /<lang>/search/: groups, highlighting, who sees what, bad input, query count."""

import pytest
from django.core.management import call_command

from events.models import Event
from materials.models import Material
from tests.events.factories import EventFactory
from tests.helpers import count_queries
from tests.materials.factories import MaterialFactory
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db
URL = "/fi/search/"


def page(client, text, path=URL):
    response = client.get(path, {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def test_results_are_grouped_by_type_and_the_matches_marked(client):
    MaterialFactory(title_fi="Kaatumisten ehkäisy kotona")
    EventFactory(title_fi="Kaatumisten ehkäisyn aamukahvit")
    NetworkFactory(name_fi="Kaatumisten ehkäisyn verkosto")
    html = page(client, "ehkäisy")
    assert html.index('id="search-events"') < html.index('id="search-networks"') < html.index('id="search-materials"')
    assert "<mark>ehkäisyn</mark> aamukahvit" in html
    assert "Kaatumisten <mark>ehkäisy</mark> kotona" in html
    assert "3 tulosta" in html


def test_written_markup_in_a_title_is_escaped_not_run(client):
    MaterialFactory(title_fi='<script>alert("x")</script> Kaatumisten <b>ehkäisy</b>')
    html = page(client, "ehkäisy")
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;b&gt;<mark>ehkäisy</mark>&lt;/b&gt;" in html


def test_swedish_page_finds_the_smoking_material_by_rokning(client):
    MaterialFactory(
        title_fi="Tupakoimattomana leikkaukseen",
        title_sv="Rökfri till operation",
        description_sv="Att sluta med rökningen före en operation.",
    )
    html = page(client, "rökning", path="/sv/search/")
    assert "Rökfri till operation" in html
    assert "<mark>rökningen</mark>" in html


def test_members_only_event_is_found_only_by_members_of_its_network(client, user):
    network = NetworkFactory()
    EventFactory(title_fi="Suljettu kaatumistyöpaja", network=network, audience=Event.Audience.NETWORK_MEMBERS)
    EventFactory(title_fi="Avoin kaatumistyöpaja")
    assert "Suljettu" not in page(client, "kaatumistyöpaja")
    client.force_login(user)
    assert "Suljettu" not in page(client, "kaatumistyöpaja")
    MembershipFactory(network=network, user=user)
    assert "Suljettu" in page(client, "kaatumistyöpaja")


def test_draft_events_and_inactive_networks_are_not_found(client):
    EventFactory(title_fi="Luonnos kaatumisista", status=Event.Status.DRAFT)
    NetworkFactory(name_fi="Lakannut kaatumisverkosto", is_active=False)
    html = page(client, "kaatuminen")
    assert "Luonnos" not in html and "Lakannut" not in html


def test_visitor_finds_a_members_only_material_by_title_only_and_sees_no_text(client, user):
    MaterialFactory(
        title_fi="Sisäinen muistio",
        description_fi="Salainen kaatumisriskien luettelo.",
        visibility=Material.Visibility.MEMBERS,
    )
    MaterialFactory(
        title_fi="Jäsenten kaatumisopas",
        description_fi="Ei näy vierailijalle: salainen sisältö.",
        visibility=Material.Visibility.MEMBERS,
    )
    visitor_html = page(client, "salainen")
    assert "Sisäinen muistio" not in visitor_html
    opas = page(client, "kaatumisopas")
    assert "Jäsenten" in opas and "salainen sisältö" not in opas
    client.force_login(user)
    assert "Sisäinen muistio" in page(client, "salainen")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "!!! ??? ...",
        "x" * 10_000,
        "kaatuminen " * 2_000,
        "Привет мир kaatuminen 中文 العربية",
        "a\x00b",
        "'&|!():* kaatumis:*",
        "<script>alert(1)</script>",
        "🙂",
    ],
)
def test_bad_input_gets_a_clear_answer_never_an_error(client, text):
    MaterialFactory(title_fi="Kaatumisten ehkäisy")
    html = page(client, text)
    assert 'role="status"' in html or "errorlist" in html


def test_empty_and_punctuation_only_searches_say_what_to_do(client):
    assert "Kirjoita yksi tai useampi sana" in page(client, "")
    assert "vain välimerkkejä" in page(client, "!!! ...")


def test_a_very_long_search_is_cut_and_says_so(client):
    MaterialFactory(title_fi="Kaatumisten ehkäisy")
    html = page(client, "kaatuminen " + "sana " * 3_000)
    assert "vain sen ensimmäiset sanat" in html


def test_every_page_has_the_search_box_in_its_header(client):
    html = client.get("/fi/").content.decode()
    assert 'class="site-search"' in html and 'action="/fi/search/"' in html


def make_rows(count):
    network = NetworkFactory(name_fi="Kaatumisverkosto")
    for number in range(count):
        MaterialFactory(title_fi=f"Kaatumisopas {number}", description_fi="Kaatumisten ehkäisy.")
        EventFactory(title_fi=f"Kaatumispaja {number}", network=network)
        NetworkFactory(name_fi=f"Kaatumisten ehkäisy {number}")


@pytest.mark.parametrize("logged_in", [False, True])
def test_query_count_does_not_grow_with_the_results(client, user, logged_in):
    if logged_in:
        client.force_login(user)
    make_rows(2)
    few = count_queries(client, URL, {"q": "kaatuminen"})
    make_rows(15)
    many = count_queries(client, URL, {"q": "kaatuminen"})
    assert few == many <= 12


def test_rebuild_command_recomputes_lemmas_of_rows_written_in_bulk():
    Material.objects.bulk_create([Material(title_fi="Nuorten tupakointi", url="https://example.org/x")])
    material = Material.objects.get()
    assert material.search_title == ""
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    material.refresh_from_db()
    assert " tupakointi " in material.search_title
