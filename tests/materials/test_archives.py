"""Office documents are zip archives: the upload check unpacks them as a stream, within a size and a parts limit."""

import struct
import tracemalloc

import pytest
from django.core.exceptions import ValidationError

from materials import filetypes
from tests.materials.files import archive_with_parts, odf_zip_bomb, ooxml_bytes, upload, zip_bomb

MB = 1024 * 1024
# What checking one upload may allocate at most, whatever the archive claims or holds.
MEMORY_BOUND = 16 * MB
OOXML_PARTS = {"[Content_Types].xml": b'<?xml version="1.0"?><Types/>', "word/document.xml": b"<document/>"}


@pytest.fixture(scope="module")
def docx_bomb():
    """A .docx of a few hundred kilobytes that unpacks to 150 MB, over the default limit of 100 MB."""
    return zip_bomb(OOXML_PARTS, expanding_part="word/media/image1.bin", expanded_bytes=150 * MB)


def check_with_peak_memory(name, content):
    """Check an upload; (the refusal, or None if accepted; the peak of memory allocated meanwhile)."""
    tracemalloc.start()
    try:
        filetypes.check_upload(upload(name, content))
        refusal = None
    except ValidationError as error:
        refusal = error
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return refusal, peak


def test_a_docx_that_unpacks_to_150_megabytes_is_refused_without_unpacking_it_in_memory(docx_bomb):
    assert len(docx_bomb) < MB
    refusal, peak = check_with_peak_memory("muistio.docx", docx_bomb)
    assert refusal is not None and refusal.code == "archive_too_large"
    assert peak < MEMORY_BOUND


def test_an_odt_whose_mimetype_part_unpacks_to_150_megabytes_is_refused_within_bounded_memory():
    bomb = odf_zip_bomb(150 * MB)
    assert len(bomb) < MB
    refusal, peak = check_with_peak_memory("muistio.odt", bomb)
    assert refusal is not None and refusal.code == "archive_too_large"
    assert peak < MEMORY_BOUND


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "Unpacked, the document would take more than 100.0\xa0MB or hold more than 2000 parts"),
        ("fi", "Purettuna asiakirja veisi yli 100,0\xa0MB tai jakautuisi yli 2000 osaan"),
        ("sv", "Uppackat skulle dokumentet ta mer än 100,0\xa0MB eller bestå av fler än 2000 delar"),
    ],
)
def test_the_refusal_says_why_in_the_users_language(docx_bomb, language, said):
    from django.utils import translation

    with translation.override(language):
        refusal, _peak = check_with_peak_memory("muistio.docx", docx_bomb)
        assert said in refusal.messages[0]


def test_sizes_the_archive_declares_are_not_trusted(docx_bomb):
    lying = with_declared_size(docx_bomb, "word/media/image1.bin", 10)
    refusal, peak = check_with_peak_memory("muistio.docx", lying)
    assert refusal is not None and refusal.code == "archive_too_large"
    assert peak < MEMORY_BOUND


def test_the_unpacked_size_limit_is_a_setting(settings):
    settings.MATERIALS_MAX_ARCHIVE_BYTES = 2 * MB
    small = zip_bomb(OOXML_PARTS, expanding_part="word/media/image1.bin", expanded_bytes=1 * MB)
    large = zip_bomb(OOXML_PARTS, expanding_part="word/media/image1.bin", expanded_bytes=3 * MB)
    assert filetypes.check_upload(upload("muistio.docx", small)) == filetypes.DOCX
    refusal, _peak = check_with_peak_memory("muistio.docx", large)
    assert refusal.code == "archive_too_large"


def test_an_archive_of_more_than_2000_parts_is_refused():
    assert filetypes.check_upload(upload("muistio.docx", archive_with_parts(2000))) == filetypes.DOCX
    refusal, _peak = check_with_peak_memory("muistio.docx", archive_with_parts(2001))
    assert refusal is not None and refusal.code == "archive_too_many_parts"


def test_the_parts_are_counted_before_the_archive_is_read(settings):
    settings.MATERIALS_MAX_ARCHIVE_ENTRIES = 10
    many_parts = archive_with_parts(20_000)
    refusal, peak = check_with_peak_memory("muistio.docx", many_parts)
    assert refusal.code == "archive_too_many_parts"
    assert peak < 2 * MB  # the zip module would hold an entry object for each of the 20,000 parts


def test_a_damaged_archive_directory_is_refused_as_damaged():
    document = ooxml_bytes()
    damaged = document[:-30] + b"\x00" * 30  # the end of the central directory overwritten
    refusal, _peak = check_with_peak_memory("muistio.docx", damaged)
    assert refusal.code == "damaged"


def test_an_ordinary_document_still_passes():
    assert filetypes.check_upload(upload("muistio.docx", ooxml_bytes())) == filetypes.DOCX


def with_declared_size(archive: bytes, name: str, size: int) -> bytes:
    """The archive with its central directory claiming that the part `name` unpacks to `size` bytes."""
    data = bytearray(archive)
    position = data.find(b"PK\x01\x02")
    while position != -1:
        name_length, extra_length, comment_length = struct.unpack_from("<3H", data, position + 28)
        if data[position + 46 : position + 46 + name_length] == name.encode():
            struct.pack_into("<L", data, position + 24, size)
            return bytes(data)
        position = data.find(b"PK\x01\x02", position + 46 + name_length + extra_length + comment_length)
    raise AssertionError(f"no part {name}")


def with_zip64_end_records(archive: bytes) -> bytes:
    """The same archive with the zip64 end records some writers add even to small archives (APPNOTE 4.3.14-15)."""
    end = archive.rfind(b"PK\x05\x06")
    _signature, _disk, _disk_of_directory, here, total, size, offset, comment = struct.unpack_from(
        "<4s4H2LH", archive, end
    )
    zip64_end = struct.pack("<4sQ2H2L4Q", b"PK\x06\x06", 44, 45, 45, 0, 0, here, total, size, offset)
    locator = struct.pack("<4sLQL", b"PK\x06\x07", 0, end, 1)
    end_record = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, comment)
    return archive[:end] + zip64_end + locator + end_record + archive[end + 22 :]


def test_archives_with_a_comment_or_zip64_end_records_are_read_like_the_zip_module_reads_them(settings):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr("word/document.xml", "<document/>")
        archive.comment = b"Written by a word processor"
    for document in (buffer.getvalue(), with_zip64_end_records(ooxml_bytes())):
        assert len(zipfile.ZipFile(io.BytesIO(document)).infolist()) == 2
        assert filetypes.check_upload(upload("muistio.docx", document)) == filetypes.DOCX
    settings.MATERIALS_MAX_ARCHIVE_ENTRIES = 1
    refusal, _peak = check_with_peak_memory("muistio.docx", with_zip64_end_records(ooxml_bytes()))
    assert refusal.code == "archive_too_many_parts"
