"""What an uploaded file is, judged by its content. The name only has to agree with the content.

Allowed: PDF; Office documents (OOXML and OpenDocument zip containers, legacy OLE Word, Excel and PowerPoint);
PNG, JPEG, GIF and WebP images; plain UTF-8 text that is neither a web page nor a script. Anything else, and
anything whose name claims another type than its content (an HTML page renamed to .pdf), is refused.
"""

import codecs
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import pgettext_lazy

from . import errors

DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
HEAD_BYTES = 8192
CHUNK_BYTES = 64 * 1024

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# A text file must not be markup a browser would run, nor a script.
MARKUP_OR_SCRIPT = re.compile(
    r"<(?:script|html|body|head|iframe|frame|object|embed|svg|meta|link|style|form|img)\b|<!doctype|<\?(?:php|xml)|<%",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FileType:
    content_type: str
    label: str
    extensions: tuple[str, ...]
    inline: bool = False  # shown in the browser rather than saved


PDF = FileType("application/pdf", "PDF", ("pdf",), inline=True)
DOCX = FileType(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word", ("docx", "docm", "dotx")
)
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel", ("xlsx", "xlsm"))
PPTX = FileType(
    "application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint", ("pptx", "ppsx")
)
DOC = FileType("application/msword", "Word", ("doc", "dot"))
XLS = FileType("application/vnd.ms-excel", "Excel", ("xls",))
PPT = FileType("application/vnd.ms-powerpoint", "PowerPoint", ("ppt", "pps"))
ODT = FileType("application/vnd.oasis.opendocument.text", "OpenDocument", ("odt",))
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument", ("ods",))
ODP = FileType("application/vnd.oasis.opendocument.presentation", "OpenDocument", ("odp",))
PNG = FileType("image/png", "PNG", ("png",), inline=True)
JPEG = FileType("image/jpeg", "JPEG", ("jpg", "jpeg"), inline=True)
GIF = FileType("image/gif", "GIF", ("gif",), inline=True)
WEBP = FileType("image/webp", "WebP", ("webp",), inline=True)
TEXT = FileType("text/plain", pgettext_lazy("file type", "Text"), ("txt", "text", "csv", "md"), inline=True)

ALL_TYPES = (PDF, DOCX, XLSX, PPTX, DOC, XLS, PPT, ODT, ODS, ODP, PNG, JPEG, GIF, WEBP, TEXT)
BY_CONTENT_TYPE = {file_type.content_type: file_type for file_type in ALL_TYPES}
IMAGES = {"image/png": PNG, "image/jpeg": JPEG, "image/gif": GIF, "image/webp": WEBP}
OLE_BY_EXTENSION = {extension: file_type for file_type in (DOC, XLS, PPT) for extension in file_type.extensions}
OOXML_PARTS = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX), ("ppt/presentation.xml", PPTX))
ODF_MIMETYPES = {file_type.content_type.encode(): file_type for file_type in (ODT, ODS, ODP)}


def max_upload_bytes() -> int:
    return getattr(settings, "MATERIALS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def label_for(content_type: str) -> str:
    """A short name for a stored content type ("PDF", "Word"), or the content type itself when unknown."""
    file_type = BY_CONTENT_TYPE.get(content_type.split(";")[0].strip())
    return str(file_type.label) if file_type else content_type


def inline_for(content_type: str) -> bool:
    file_type = BY_CONTENT_TYPE.get(content_type.split(";")[0].strip())
    return bool(file_type and file_type.inline)


def check_upload(upload) -> FileType:
    """The type of an uploaded file (a django File), or a ValidationError saying why it is refused.

    Checks the size against MATERIALS_MAX_UPLOAD_BYTES, the content against the allowed types, and that the
    name's extension belongs to the type the content shows.
    """
    size = upload.size
    if size == 0:
        raise ValidationError(errors.FILE_EMPTY, code="empty")
    limit = max_upload_bytes()
    if size > limit:
        raise ValidationError(
            errors.FILE_TOO_LARGE,
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    try:
        file_type = _detect(upload)
    except (OSError, ValueError) as error:
        raise ValidationError(errors.FILE_UNREADABLE, code="unreadable") from error
    finally:
        _rewind(upload)
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in file_type.extensions:
        raise ValidationError(
            errors.FILE_NAME_MISMATCH,
            code="name_mismatch",
            params={"type": file_type.label, "extension": f".{extension}" if extension else "–"},
        )
    return file_type


def _rewind(upload) -> None:
    try:
        upload.seek(0)
    except (OSError, ValueError):
        pass


def _detect(upload) -> FileType:
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(OLE_MAGIC):
        return _ole_type(upload.name)
    if head.startswith(ZIP_MAGIC):
        return _zip_type(upload)
    guessed = filetype.guess(head)
    if guessed is not None:
        if guessed.mime in IMAGES:
            return _verified_image(upload, IMAGES[guessed.mime])
        raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed")
    return _plain_text(upload)


def _ole_type(name: str | None) -> FileType:
    """Legacy Office files share one container format; the extension says which program wrote it."""
    extension = PurePath(name or "").suffix.lower().lstrip(".")
    if extension in OLE_BY_EXTENSION:
        return OLE_BY_EXTENSION[extension]
    raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed")


def _zip_type(upload) -> FileType:
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "[Content_Types].xml" in names:
                for part, file_type in OOXML_PARTS:
                    if part in names:
                        return file_type
            if "mimetype" in names:
                mimetype = archive.read("mimetype").strip()
                if mimetype in ODF_MIMETYPES:
                    return ODF_MIMETYPES[mimetype]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, EOFError, NotImplementedError) as error:
        raise ValidationError(errors.FILE_DAMAGED, code="damaged", params={"type": "ZIP"}) from error
    raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed")


def _verified_image(upload, file_type: FileType) -> FileType:
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError(errors.FILE_DAMAGED, code="damaged", params={"type": file_type.label}) from error
    return file_type


def _plain_text(upload) -> FileType:
    """Valid UTF-8 without NUL bytes, and nothing a browser or a shell would run."""
    upload.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8-sig")(errors="strict")
    tail = ""
    first = True
    while chunk := upload.read(CHUNK_BYTES):
        if b"\x00" in chunk:
            raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed")
        try:
            text = decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed") from error
        if first and text.lstrip().startswith("#!"):
            raise ValidationError(errors.FILE_MARKUP_OR_SCRIPT, code="markup")
        first = first and not text
        if MARKUP_OR_SCRIPT.search(tail + text):
            raise ValidationError(errors.FILE_MARKUP_OR_SCRIPT, code="markup")
        tail = text[-64:]
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed") from error
    return TEXT
