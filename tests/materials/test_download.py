"""Downloads go through Django: the permission check on every request, safe headers, and a count."""

import pytest
from django.core.files.base import ContentFile

from materials import services
from materials.models import Material
from tests.factories import DEFAULT_PASSWORD, UserFactory
from tests.materials.factories import MaterialFactory, PdfMaterialFactory
from tests.materials.files import image_bytes, ooxml_bytes, pdf_with_html, pdf_with_javascript

pytestmark = pytest.mark.django_db


def download_url(material, language="fi"):
    return f"/{language}/materials/{material.pk}/download/"


def body_of(response) -> bytes:
    return b"".join(response.streaming_content)


def downloads_of(material) -> int:
    material.refresh_from_db()
    return material.download_count


def test_visitor_opens_a_public_pdf(client):
    material = PdfMaterialFactory()
    response = client.get(download_url(material))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="opas.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == material.file_size
    assert body_of(response).startswith(b"%PDF-")
    assert downloads_of(material) == 1


@pytest.mark.parametrize("content", [pdf_with_html(), pdf_with_javascript()], ids=["html", "javascript"])
def test_a_pdf_polyglot_is_shown_only_in_a_sandbox(client, content):
    material = MaterialFactory(url="", file=ContentFile(content, name="opas.pdf"))
    response = client.get(download_url(material))
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    policy = [directive.strip() for directive in response["Content-Security-Policy"].split(";")]
    assert "sandbox" in policy and "default-src 'none'" in policy


def test_every_file_type_is_served_in_a_sandbox_or_as_an_attachment(client):
    for name, content in [
        ("opas.pdf", pdf_with_html()),
        ("kuva.png", image_bytes("PNG")),
        ("muistio.docx", ooxml_bytes()),
    ]:
        response = client.get(download_url(MaterialFactory(url="", file=ContentFile(content, name=name))))
        is_attachment = response["Content-Disposition"].startswith("attachment;")
        assert is_attachment or "sandbox" in response["Content-Security-Policy"], name


def test_office_document_is_offered_as_an_attachment(client):
    material = MaterialFactory(url="", file=ContentFile(ooxml_bytes(), name="muistio.docx"))
    response = client.get(download_url(material))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert response["Content-Disposition"] == 'attachment; filename="muistio.docx"'


def test_image_is_shown_with_its_own_type_in_a_sandbox(client):
    material = MaterialFactory(url="", file=ContentFile(image_bytes("PNG"), name="kuva.png"))
    response = client.get(download_url(material))
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == 'inline; filename="kuva.png"'
    assert "sandbox" in response["Content-Security-Policy"]


def test_text_file_is_served_as_utf8_plain_text(client):
    material = MaterialFactory(url="", file=ContentFile("Kaatumisten ehkäisy\n".encode(), name="muistilista.txt"))
    response = client.get(download_url(material))
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert body_of(response).decode() == "Kaatumisten ehkäisy\n"


def test_visitor_is_asked_to_log_in_for_a_members_only_file(client):
    material = PdfMaterialFactory(visibility=Material.Visibility.MEMBERS)
    response = client.get(download_url(material))
    assert response.status_code == 302
    assert response["Location"] == f"/fi/accounts/login/?next=/fi/materials/{material.pk}/download/"
    assert downloads_of(material) == 0


def test_member_gets_the_members_only_file_after_logging_in(client):
    material = PdfMaterialFactory(visibility=Material.Visibility.MEMBERS)
    UserFactory(email="nurse@example.org")
    login_page = client.get(download_url(material))["Location"]
    response = client.post(login_page, {"login": "nurse@example.org", "password": DEFAULT_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == download_url(material)
    file_response = client.get(response["Location"])
    assert file_response.status_code == 200
    assert body_of(file_response).startswith(b"%PDF-")
    assert file_response["Cache-Control"] == "private, no-cache"
    assert downloads_of(material) == 1


def test_members_only_file_is_not_in_any_public_url(client):
    material = PdfMaterialFactory(visibility=Material.Visibility.MEMBERS)
    assert client.get(f"/media/{material.file.name}").status_code == 404


def test_missing_file_gives_not_found_not_a_server_error(client):
    material = PdfMaterialFactory()
    material.file.storage.delete(material.file.name)
    response = client.get(download_url(material))
    assert response.status_code == 404
    assert downloads_of(material) == 0


@pytest.mark.parametrize("pk", ["999999", "99999999999999999999999"])
def test_unknown_material_gives_not_found(client, pk):
    assert client.get(f"/fi/materials/{pk}/download/").status_code == 404


def test_external_link_redirects_to_its_address_and_is_counted(client):
    material = MaterialFactory(url="https://example.org/terveyskyla")
    response = client.get(download_url(material))
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/terveyskyla"
    assert downloads_of(material) == 1


def test_members_only_link_is_not_revealed_to_visitors(client):
    material = MaterialFactory(url="https://example.org/secret-form", visibility=Material.Visibility.MEMBERS)
    response = client.get(download_url(material))
    assert "secret-form" not in response["Location"]
    assert "secret-form" not in client.get("/fi/materials/").content.decode()


def test_head_request_does_not_count_as_a_download(client):
    material = PdfMaterialFactory()
    assert client.head(download_url(material)).status_code == 200
    assert downloads_of(material) == 0


def test_download_refuses_post(client):
    material = PdfMaterialFactory()
    assert client.post(download_url(material)).status_code == 405


def test_every_download_is_counted(client):
    material = PdfMaterialFactory()
    for _ in range(3):
        body_of(client.get(download_url(material)))
    services.record_download(material=material)
    assert downloads_of(material) == 4


def test_the_login_page_says_why_a_members_only_material_asked_for_it(client):
    material = MaterialFactory(visibility="members")
    response = client.get(f"/en/materials/{material.pk}/download/", follow=True)
    assert "This material is for members: log in to open it." in response.content.decode()
