"""Staff upload and manage materials in the admin; bad uploads are refused with a message and never stored."""

import pytest

from materials.models import Material
from tests.materials.factories import MaterialFactory, PdfMaterialFactory
from tests.materials.files import HTML_PAGE, SHELL_SCRIPT, pdf_bytes, upload
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/materials/material/add/"
LIST_URL = "/admin/materials/material/"


def material_form(**fields):
    data = {
        "title_fi": "Kaatumisvaaran itsearviointilomake",
        "title_sv": "Blankett för självbedömning av fallrisken",
        "title_en": "Fall risk self-assessment form",
        "description_fi": "Lomake kaatumisten ehkäisy -työhön.",
        "kind": "document",
        "language": "fi",
        "year": "2024",
        "visibility": "members",
        "url": "",
    }
    data.update(fields)
    return data


def errors_on(response) -> str:
    return "".join(
        str(error) for form_errors in [response.context["adminform"].form.errors] for error in form_errors.values()
    )


def test_staff_uploads_a_pdf_and_its_size_and_type_are_stored(staff_client, stored_files):
    network = NetworkFactory()
    content = pdf_bytes()
    response = staff_client.post(ADD_URL, material_form(file=upload("lomake.pdf", content), networks=[network.pk]))
    assert response.status_code == 302
    material = Material.objects.get()
    assert material.content_type == "application/pdf"
    assert material.file_size == len(content)
    assert list(material.networks.all()) == [network]
    assert stored_files() == [material.file.name]


@pytest.mark.parametrize("content", [HTML_PAGE, SHELL_SCRIPT], ids=["html", "script"])
def test_page_or_script_renamed_to_pdf_is_refused_and_not_stored(staff_client, stored_files, content):
    response = staff_client.post(ADD_URL, material_form(file=upload("lomake.pdf", content, "application/pdf")))
    assert response.status_code == 200
    assert "web page or a script" in errors_on(response)
    assert Material.objects.count() == 0
    assert stored_files() == []


def test_oversized_file_is_refused_with_the_limit_in_the_message(staff_client, settings, stored_files):
    settings.MATERIALS_MAX_UPLOAD_BYTES = 10_000
    response = staff_client.post(ADD_URL, material_form(file=upload("iso.pdf", pdf_bytes() + b"0" * 20_000)))
    assert "the largest file allowed is 9.8\xa0KB" in errors_on(response)
    assert Material.objects.count() == 0
    assert stored_files() == []


def test_both_file_and_address_are_refused(staff_client, stored_files):
    response = staff_client.post(
        ADD_URL, material_form(file=upload("lomake.pdf", pdf_bytes()), url="https://example.org/lomake")
    )
    assert "not both" in errors_on(response)
    assert Material.objects.count() == 0
    assert stored_files() == []


def test_neither_file_nor_address_is_refused(staff_client):
    response = staff_client.post(ADD_URL, material_form())
    assert "Give either a file or an external address." in errors_on(response)
    assert Material.objects.count() == 0


def test_javascript_address_is_refused(staff_client):
    response = staff_client.post(ADD_URL, material_form(url="javascript:alert(document.cookie)"))
    assert errors_on(response) == (
        '<ul class="errorlist" id="id_url_error"><li>'
        "Only web addresses that start with http:// or https:// are allowed.</li></ul>"
    )
    assert Material.objects.count() == 0


def test_error_messages_follow_the_staff_members_language(staff_client):
    staff_client.cookies["django_language"] = "fi"
    response = staff_client.post(ADD_URL, material_form(url="javascript:alert(1)"), headers={"accept-language": "fi"})
    assert "Vain verkko-osoitteet" in errors_on(response)


def test_replacing_the_file_in_the_admin_removes_the_old_one(
    staff_client, stored_files, django_capture_on_commit_callbacks
):
    material = PdfMaterialFactory()
    old_name = material.file.name
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"{LIST_URL}{material.pk}/change/", material_form(file=upload("uusi.pdf", pdf_bytes("Uusi")))
        )
    assert response.status_code == 302
    material.refresh_from_db()
    assert material.file_name == "uusi.pdf"
    assert stored_files() == [material.file.name]
    assert old_name not in stored_files()


def test_list_shows_type_badges_and_sizes(staff_client):
    PdfMaterialFactory(title_fi="PDF-opas")
    MaterialFactory(title_fi="Linkki")
    html = staff_client.get(LIST_URL).content.decode()
    assert '<span class="material-type material-type--pdf" title="application/pdf">PDF</span>' in html
    assert '<span class="material-type material-type--link">' in html


def test_admin_search_finds_titles_in_any_language(staff_client):
    MaterialFactory(title_fi="Kaatumisvaaran lomake", title_sv="Fallrisk blankett")
    MaterialFactory(title_fi="Muu")
    response = staff_client.get(LIST_URL, {"q": "fallrisk"})
    assert response.context["cl"].result_count == 1


def test_bulk_action_makes_materials_members_only(staff_client):
    chosen = MaterialFactory.create_batch(2)
    other = MaterialFactory()
    response = staff_client.post(
        LIST_URL,
        {"action": "make_members_only", "_selected_action": [m.pk for m in chosen]},
        follow=True,
    )
    assert "2 materials are now for members only." in response.content.decode()
    assert set(Material.objects.filter(visibility="members")) == set(chosen)
    other.refresh_from_db()
    assert other.visibility == "public"


def test_bulk_action_makes_materials_public(staff_client):
    chosen = MaterialFactory.create_batch(2, visibility=Material.Visibility.MEMBERS)
    staff_client.post(LIST_URL, {"action": "make_public", "_selected_action": [m.pk for m in chosen]})
    assert Material.objects.filter(visibility="public").count() == 2


def test_add_form_has_translation_tabs(staff_client):
    html = staff_client.get(ADD_URL).content.decode()
    assert 'name="title_fi"' in html and 'name="title_sv"' in html and 'name="title_en"' in html
    assert "tabbed_translation_fields" in html


def test_deleting_in_the_admin_removes_the_file(staff_client, stored_files, django_capture_on_commit_callbacks):
    material = PdfMaterialFactory()
    assert stored_files() == [material.file.name]
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"{LIST_URL}{material.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Material.objects.exists()
    assert stored_files() == []


def test_bulk_deleting_in_the_admin_removes_the_files(staff_client, stored_files, django_capture_on_commit_callbacks):
    chosen = PdfMaterialFactory.create_batch(2)
    kept = PdfMaterialFactory()
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            LIST_URL, {"action": "delete_selected", "_selected_action": [m.pk for m in chosen], "post": "yes"}
        )
    assert list(Material.objects.all()) == [kept]
    assert stored_files() == [kept.file.name]
