"""A material holds exactly one of a file and a safe address; its file's size and type are kept up to date."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import translation

from materials import errors, services
from materials.models import Material
from tests.helpers import own_callbacks
from tests.materials.factories import MaterialFactory, PdfMaterialFactory
from tests.materials.files import HTML_PAGE, image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def new_material(**fields):
    return Material(title_fi="Opas", kind=Material.Kind.GUIDE, **fields)


def messages_of(error: ValidationError, field: str) -> list[str]:
    return [str(message) for message in error.message_dict.get(field, [])]


def test_material_with_neither_file_nor_address_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as refused:
        services.save_material(material=new_material(), by=None)
    assert str(errors.FILE_OR_URL_MISSING) in messages_of(refused.value, "file")
    assert Material.objects.count() == 0


def test_material_with_both_file_and_address_is_refused_with_a_clear_message(stored_files):
    material = new_material(url="https://example.org/opas", file=ContentFile(pdf_bytes(), name="opas.pdf"))
    with pytest.raises(ValidationError) as refused:
        services.save_material(material=material, by=None)
    assert messages_of(refused.value, "url") == [str(errors.FILE_AND_URL_BOTH)]
    assert Material.objects.count() == 0
    assert stored_files() == []


@pytest.mark.parametrize(
    "address",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "file:///etc/passwd",
        "ftp://example.org/opas.pdf",
        "vbscript:msgbox(1)",
    ],
)
def test_unsafe_addresses_are_refused_with_a_clear_message(address):
    with pytest.raises(ValidationError) as refused:
        services.save_material(material=new_material(url=address), by=None)
    assert messages_of(refused.value, "url") == [str(errors.UNSAFE_URL)]
    assert Material.objects.count() == 0


def test_unsafe_address_message_is_in_the_users_language():
    with translation.override("sv"):
        with pytest.raises(ValidationError) as refused:
            services.save_material(material=new_material(url="javascript:alert(1)"), by=None)
        message = refused.value.message_dict["url"][0]
    assert message == "Endast webbadresser som börjar med http:// eller https:// är tillåtna."


def test_database_refuses_both_file_and_address_even_without_validation():
    with pytest.raises(IntegrityError), transaction.atomic():
        Material.objects.create(title_fi="Opas", url="https://example.org/a", file="materials/x/opas.pdf")


def test_database_refuses_an_unsafe_address_even_without_validation():
    with pytest.raises(IntegrityError), transaction.atomic():
        Material.objects.create(title_fi="Opas", url="javascript:alert(1)")


def test_file_size_and_type_are_stored_on_save():
    content = pdf_bytes()
    material = services.save_material(material=new_material(file=ContentFile(content, name="opas.pdf")), by=None)
    material.refresh_from_db()
    assert material.file_size == len(content)
    assert material.content_type == "application/pdf"
    assert material.file_label == "PDF"


def test_file_keeps_its_name_in_an_unguessable_folder():
    material = PdfMaterialFactory()
    assert material.file_name == "opas.pdf"
    parts = material.file.name.split("/")
    assert parts[0] == "materials" and len(parts[2]) == 16


def test_html_page_renamed_to_pdf_is_never_stored_even_when_saved_directly(stored_files):
    material = new_material(file=ContentFile(HTML_PAGE, name="opas.pdf"))
    with pytest.raises(ValidationError):
        material.save()
    assert Material.objects.count() == 0
    assert stored_files() == []


def test_file_swapped_after_validation_is_checked_again_on_save(stored_files):
    material = new_material(file=ContentFile(pdf_bytes(), name="opas.pdf"))
    material.full_clean()
    material.file = ContentFile(HTML_PAGE, name="opas.pdf")
    with pytest.raises(ValidationError):
        material.save()
    assert stored_files() == []


def test_replacing_the_file_removes_the_old_one_after_commit(stored_files, django_capture_on_commit_callbacks):
    material = PdfMaterialFactory()
    old_name = material.file.name
    assert stored_files() == [old_name]
    with django_capture_on_commit_callbacks(execute=True):
        material.file = ContentFile(image_bytes("PNG"), name="kuva.png")
        services.save_material(material=material, by=None)
    assert stored_files() == [material.file.name]
    assert material.content_type == "image/png"


def test_old_file_stays_when_the_transaction_rolls_back(stored_files, django_capture_on_commit_callbacks):
    material = PdfMaterialFactory()
    old_name = material.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        material.file = ContentFile(image_bytes("PNG"), name="kuva.png")
        services.save_material(material=material, by=None)
    assert old_name in stored_files()
    assert len(own_callbacks(callbacks)) == 1


def test_switching_from_file_to_address_removes_the_file(stored_files, django_capture_on_commit_callbacks):
    material = PdfMaterialFactory()
    with django_capture_on_commit_callbacks(execute=True):
        material.file = None
        material.url = "https://example.org/opas"
        services.save_material(material=material, by=None)
    material.refresh_from_db()
    assert stored_files() == []
    assert material.file_size is None and material.content_type == ""


def test_deleting_a_material_removes_its_file(stored_files, django_capture_on_commit_callbacks):
    material = PdfMaterialFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_material(material=material, by=None)
    assert stored_files() == []


def test_bulk_deleting_materials_removes_their_files(stored_files, django_capture_on_commit_callbacks):
    PdfMaterialFactory.create_batch(2)
    with django_capture_on_commit_callbacks(execute=True):
        Material.objects.all().delete()
    assert stored_files() == []


def test_downloads_are_counted_in_the_database():
    material = MaterialFactory()
    services.record_download(material=material)
    services.record_download(material=material)
    material.refresh_from_db()
    assert material.download_count == 2


def test_set_visibility_changes_only_the_given_materials():
    first, second, other = MaterialFactory.create_batch(3)
    changed = services.set_visibility(materials=[first, second], visibility=Material.Visibility.MEMBERS)
    assert changed == 2
    assert set(Material.objects.filter(visibility="members")) == {first, second}
