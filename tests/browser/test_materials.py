"""The material bank in a real Chromium, tried as a new user would: search, open a PDF, log in for a form."""

import pytest

from materials.models import Material
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.materials.factories import MaterialFactory, PdfMaterialFactory
from tests.networks.factories import NetworkFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("media_root")]


@pytest.fixture
def fall_materials():
    network = NetworkFactory(slug="kaatumisten-ehkaisy", name_fi="Kaatumisten ehkäisy", name_en="Prevention of falls")
    programme = PdfMaterialFactory(
        title_fi="Kaatumisten ehkäisyn ohjelma",
        title_en="Fall prevention programme",
        description_fi="Kansallinen ohjelma kaatumisten ehkäisy -työhön.",
    )
    form = PdfMaterialFactory(
        title_fi="Kaatumisvaaran itsearviointilomake",
        title_en="Fall risk self-assessment form",
        visibility=Material.Visibility.MEMBERS,
    )
    link = MaterialFactory(
        title_fi="Terveyskylä: omahoito-ohjelma",
        title_en="Health Village: self-care programme",
        url="https://example.org/terveyskyla",
    )
    for material in (programme, form, link):
        material.networks.add(network)
    MaterialFactory(title_fi="Painon puheeksi ottaminen")
    return programme, form


def result_titles(page):
    return page.locator(".material-title a").all_inner_texts()


def test_visitor_searches_with_the_keyboard_and_finds_the_fall_materials(page, live_server, fall_materials):
    page.goto(f"{live_server.url}/fi/materials/")
    page.get_by_label("Hakusanat").fill("kaatumis")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fi/materials/?q=kaatumis*")
    assert result_titles(page) == [
        "Kaatumisvaaran itsearviointilomake (vain jäsenille, kirjaudu sisään avataksesi)",
        "Kaatumisten ehkäisyn ohjelma",
    ]
    assert page.get_by_role("status").inner_text() == "Löytyi 2 materiaalia."


def test_visitor_filters_by_the_fall_prevention_network(page, live_server, fall_materials):
    page.goto(f"{live_server.url}/en/materials/")
    page.get_by_label("Network").select_option(label="Prevention of falls")
    page.get_by_role("search", name="Search the material bank").get_by_role("button", name="Search").click()
    page.wait_for_url("**network=kaatumisten-ehkaisy*")
    assert sorted(result_titles(page)) == [
        "Fall prevention programme",
        "Fall risk self-assessment form (members only, log in to open)",
        "Health Village: self-care programme (opens in a new window, leaves the site)",
    ]


def test_visitor_opens_a_public_pdf(page, live_server, fall_materials):
    programme, _form = fall_materials
    response = page.request.get(f"{live_server.url}/fi/materials/{programme.pk}/download/")
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF-")


def test_external_link_opens_in_a_new_window(page, live_server, fall_materials):
    page.goto(f"{live_server.url}/en/materials/")
    link = page.get_by_role("link", name="Health Village: self-care programme (opens in a new window, leaves the site)")
    assert link.get_attribute("target") == "_blank"
    assert "noopener" in link.get_attribute("rel")


def test_visitor_logs_in_for_a_members_only_form_and_gets_it(page, live_server, fall_materials):
    _programme, form = fall_materials
    UserFactory(email="nurse@example.org")
    download = f"{live_server.url}/en/materials/{form.pk}/download/"
    page.goto(f"{live_server.url}/en/materials/?q=self-assessment")
    page.get_by_role("link", name="Fall risk self-assessment form (members only, log in to open)").click()
    page.wait_for_url("**/en/accounts/login/?next=**")
    page.get_by_label("E-mail").fill("nurse@example.org")
    page.get_by_label("Password").fill(DEFAULT_PASSWORD)
    with page.expect_response(lambda response: response.url == download) as downloaded:
        page.keyboard.press("Enter")
    response = downloaded.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    form.refresh_from_db()
    assert form.download_count == 1


def test_bank_fits_a_320_px_screen(browser, live_server, fall_materials):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    small = context.new_page()
    small.goto(f"{live_server.url}/fi/materials/")
    assert small.evaluate("document.documentElement.scrollWidth") <= 320
    context.close()
