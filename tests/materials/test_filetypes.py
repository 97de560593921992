"""Uploads are judged by their content; the name must agree with it."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from materials import filetypes
from tests.materials.files import (
    HTML_PAGE,
    SHELL_SCRIPT,
    image_bytes,
    ole_bytes,
    ooxml_bytes,
    opendocument_bytes,
    pdf_bytes,
    upload,
)


@pytest.mark.parametrize(
    ("name", "content", "content_type", "label"),
    [
        ("opas.pdf", pdf_bytes(), "application/pdf", "PDF"),
        (
            "muistio.docx",
            ooxml_bytes("word/document.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word",
        ),
        (
            "taulukko.xlsx",
            ooxml_bytes("xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel",
        ),
        (
            "kalvot.pptx",
            ooxml_bytes("ppt/presentation.xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint",
        ),
        ("muistio.odt", opendocument_bytes(), "application/vnd.oasis.opendocument.text", "OpenDocument"),
        ("vanha.doc", ole_bytes(), "application/msword", "Word"),
        ("vanha.xls", ole_bytes(), "application/vnd.ms-excel", "Excel"),
        ("vanha.ppt", ole_bytes(), "application/vnd.ms-powerpoint", "PowerPoint"),
        ("kuva.png", image_bytes("PNG"), "image/png", "PNG"),
        ("kuva.jpg", image_bytes("JPEG"), "image/jpeg", "JPEG"),
        ("kuva.gif", image_bytes("GIF"), "image/gif", "GIF"),
        ("kuva.webp", image_bytes("WEBP"), "image/webp", "WebP"),
        ("lue.txt", "Kaatumisten ehkäisy: muistilista ammattilaiselle.\n".encode(), "text/plain", "Text"),
    ],
)
def test_allowed_types_are_recognised_by_their_content(name, content, content_type, label):
    checked = filetypes.check_upload(upload(name, content, content_type="application/x-whatever"))
    assert checked.content_type == content_type
    with translation.override("en"):
        assert str(checked.label) == label


def check_refused(name, content):
    with pytest.raises(ValidationError) as refused:
        filetypes.check_upload(upload(name, content, content_type="application/pdf"))
    return refused.value


def test_html_page_renamed_to_pdf_is_refused():
    error = check_refused("opas.pdf", HTML_PAGE)
    assert error.code == "markup"


def test_shell_script_renamed_to_pdf_is_refused():
    assert check_refused("opas.pdf", SHELL_SCRIPT).code == "markup"


def test_plain_text_named_pdf_is_refused_as_a_name_mismatch():
    error = check_refused("opas.pdf", b"alert('hello')\n")
    assert error.code == "name_mismatch"
    assert ".pdf" in error.messages[0]


def test_text_file_with_script_tag_is_refused():
    assert check_refused("lue.txt", b"Hei!\n<script src=//evil.example/x.js></script>").code == "markup"


def test_svg_image_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'
    assert check_refused("kuva.txt", svg).code == "markup"


def test_pdf_named_docx_is_refused():
    assert check_refused("muistio.docx", pdf_bytes()).code == "name_mismatch"


def test_zip_archive_that_is_not_an_office_document_is_refused():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("virus.exe", b"MZ" + b"\x00" * 100)
    assert check_refused("paketti.docx", buffer.getvalue()).code == "type_not_allowed"


def test_windows_program_is_refused():
    assert check_refused("ohjelma.pdf", b"MZ\x90\x00" + b"\x00" * 200).code == "type_not_allowed"


def test_legacy_office_container_with_an_unknown_extension_is_refused():
    assert check_refused("viesti.msg", ole_bytes()).code == "type_not_allowed"


def test_binary_data_with_nul_bytes_is_not_text():
    assert check_refused("data.txt", b"abc\x00def").code == "type_not_allowed"


def test_invalid_utf8_is_not_text():
    assert check_refused("data.txt", "ääkköset".encode("latin-1")).code == "type_not_allowed"


def test_damaged_image_is_refused():
    png = image_bytes("PNG")
    assert check_refused("kuva.png", png[:40]).code == "damaged"


def test_empty_file_is_refused():
    assert check_refused("tyhja.pdf", b"").code == "empty"


def test_file_over_the_size_limit_is_refused(settings):
    settings.MATERIALS_MAX_UPLOAD_BYTES = 1000
    error = check_refused("iso.pdf", b"%PDF-1.4\n" + b"0" * 2000)
    assert error.code == "too_large"


def test_size_limit_defaults_to_50_megabytes(settings):
    del settings.MATERIALS_MAX_UPLOAD_BYTES
    assert filetypes.max_upload_bytes() == 50 * 1024 * 1024


def test_check_leaves_the_file_ready_to_be_stored_from_the_start():
    pdf = upload("opas.pdf", pdf_bytes())
    filetypes.check_upload(pdf)
    assert pdf.read(5) == b"%PDF-"
