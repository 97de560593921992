"""What an uploaded file is, judged by its content. The name only has to agree with the content.

Allowed: PDF; Office documents (OOXML and OpenDocument zip containers, legacy OLE Word, Excel and PowerPoint);
PNG, JPEG, GIF and WebP images; plain UTF-8 text that is neither a web page nor a script. Anything else, and
anything whose name claims another type than its content (an HTML page renamed to .pdf), is refused.

Office documents are zip archives, and a small archive can unpack to gigabytes (a "zip bomb"). The check
counts an archive's parts before the zip module reads its directory, then unpacks every part as a stream in
small chunks, counting the bytes it really produces, and refuses the file past MATERIALS_MAX_ARCHIVE_ENTRIES
parts or MATERIALS_MAX_ARCHIVE_BYTES unpacked: nothing is unpacked into memory whole, and no size the archive
declares is trusted.
"""

import codecs
import copy
import lzma
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import pgettext_lazy

from . import errors

DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_BYTES = 100 * 1024 * 1024
DEFAULT_MAX_ARCHIVE_ENTRIES = 2000
HEAD_BYTES = 8192
CHUNK_BYTES = 64 * 1024

# The zip records read before the zip module reads the archive (APPNOTE.TXT 4.3.12 to 4.3.16).
END_OF_DIRECTORY = struct.Struct("<4s4H2LH")
END_OF_DIRECTORY_SIGNATURE = b"PK\x05\x06"
ZIP64_LOCATOR = struct.Struct("<4sLQL")
ZIP64_LOCATOR_SIGNATURE = b"PK\x06\x07"
ZIP64_END_OF_DIRECTORY = struct.Struct("<4sQ2H2L4Q")
ZIP64_END_OF_DIRECTORY_SIGNATURE = b"PK\x06\x06"
DIRECTORY_ENTRY = struct.Struct("<4s24x3H12x")  # only the lengths of the name, extra field and comment
DIRECTORY_ENTRY_SIGNATURE = b"PK\x01\x02"
ZIP_COMMENT_SEARCH_BYTES = 1 << 16  # as far back as the zip module looks for the end record
# Errors of a damaged archive, or of a part that the zip module cannot unpack (encrypted, unknown method).
ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    KeyError,
    EOFError,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    lzma.LZMAError,
    struct.error,
)

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
MIMETYPE_READ_BYTES = 256  # an OpenDocument `mimetype` part holds one short line


def max_upload_bytes() -> int:
    return getattr(settings, "MATERIALS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def max_archive_bytes() -> int:
    """How much an Office document may unpack to, all its parts together."""
    return getattr(settings, "MATERIALS_MAX_ARCHIVE_BYTES", DEFAULT_MAX_ARCHIVE_BYTES)


def max_archive_entries() -> int:
    """How many parts an Office document may hold."""
    return getattr(settings, "MATERIALS_MAX_ARCHIVE_ENTRIES", DEFAULT_MAX_ARCHIVE_ENTRIES)


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
    """An Office document's type from the names (and, for OpenDocument, the `mimetype`) of its parts, once its
    parts are counted and unpacked as a stream within the limits."""
    try:
        _ensure_few_parts(upload, max_archive_entries())
        upload.seek(0)
        with zipfile.ZipFile(upload) as archive:
            file_type = _office_type(archive)
            _ensure_small_when_unpacked(archive, max_archive_bytes())
    except ZIP_ERRORS as error:
        raise ValidationError(errors.FILE_DAMAGED, code="damaged", params={"type": "ZIP"}) from error
    return file_type


def _office_type(archive: zipfile.ZipFile) -> FileType:
    names = set(archive.namelist())
    if "[Content_Types].xml" in names:
        for part, file_type in OOXML_PARTS:
            if part in names:
                return file_type
    if "mimetype" in names:
        with archive.open("mimetype") as part:
            mimetype = part.read(MIMETYPE_READ_BYTES).strip()
        if mimetype in ODF_MIMETYPES:
            return ODF_MIMETYPES[mimetype]
    raise ValidationError(errors.FILE_TYPE_NOT_ALLOWED, code="type_not_allowed")


def _archive_refused(code: str) -> ValidationError:
    return ValidationError(
        errors.FILE_ARCHIVE_TOO_LARGE,
        code=code,
        params={"limit": filesizeformat(max_archive_bytes()), "parts": max_archive_entries()},
    )


def _ensure_few_parts(upload, limit: int) -> None:
    """Refuse an archive of more than `limit` parts before the zip module reads its directory.

    The zip module makes an object for every entry of the central directory at once (a 43 MB upload of 500,000
    empty parts takes 250 MB), so the entries are counted here first, one record at a time, in the very bytes
    the module would read.
    """
    position, directory_end = _central_directory_span(upload)
    parts = 0
    while position < directory_end:
        upload.seek(position)
        signature, name_length, extra_length, comment_length = DIRECTORY_ENTRY.unpack(upload.read(DIRECTORY_ENTRY.size))
        if signature != DIRECTORY_ENTRY_SIGNATURE:
            raise zipfile.BadZipFile("bad central directory entry")
        parts += 1
        if parts > limit:
            raise _archive_refused("archive_too_many_parts")
        position += DIRECTORY_ENTRY.size + name_length + extra_length + comment_length


def _central_directory_span(upload) -> tuple[int, int]:
    """Where the archive's central directory starts and ends, found as the zip module finds it: it ends where the
    end-of-directory record (or its zip64 form) begins, and is as long as that record says."""
    size = upload.size
    if size < END_OF_DIRECTORY.size:
        raise zipfile.BadZipFile("too short for a zip archive")
    upload.seek(size - END_OF_DIRECTORY.size)
    record = upload.read(END_OF_DIRECTORY.size)
    if record[:4] == END_OF_DIRECTORY_SIGNATURE and record[-2:] == b"\x00\x00":
        end = size - END_OF_DIRECTORY.size
    else:  # the record is followed by a comment: the last signature within a comment's reach
        start = max(size - END_OF_DIRECTORY.size - ZIP_COMMENT_SEARCH_BYTES, 0)
        upload.seek(start)
        tail = upload.read()
        found = tail.rfind(END_OF_DIRECTORY_SIGNATURE)
        record = tail[found : found + END_OF_DIRECTORY.size]
        if found < 0 or len(record) < END_OF_DIRECTORY.size:
            raise zipfile.BadZipFile("no end of central directory")
        end = start + found
    directory_size, directory_end = END_OF_DIRECTORY.unpack(record)[5], end
    if end >= ZIP64_LOCATOR.size + ZIP64_END_OF_DIRECTORY.size:
        upload.seek(end - ZIP64_LOCATOR.size)
        if upload.read(4) == ZIP64_LOCATOR_SIGNATURE:
            upload.seek(end - ZIP64_LOCATOR.size - ZIP64_END_OF_DIRECTORY.size)
            zip64_record = upload.read(ZIP64_END_OF_DIRECTORY.size)
            if zip64_record[:4] == ZIP64_END_OF_DIRECTORY_SIGNATURE:
                directory_size = ZIP64_END_OF_DIRECTORY.unpack(zip64_record)[8]
                directory_end = end - ZIP64_LOCATOR.size - ZIP64_END_OF_DIRECTORY.size
    if directory_end - directory_size < 0:
        raise zipfile.BadZipFile("bad offset for central directory")
    return directory_end - directory_size, directory_end


def _ensure_small_when_unpacked(archive: zipfile.ZipFile, limit: int) -> None:
    """Unpack every part in chunks, counting the bytes, and refuse the archive once they pass `limit`.

    The zip module stops a part at the size the archive declares for it (and then fails its checksum). Each part
    is read through a copy that declares more than the whole allowance and a chunk instead, so that a part
    claiming to be small is counted for what its data really unpacks to, and refused here when it is too much.
    """
    unpacked = 0
    for entry in archive.infolist():
        part = copy.copy(entry)
        part.file_size = limit + CHUNK_BYTES + 1
        with archive.open(part) as stream:
            while chunk := stream.read(CHUNK_BYTES):
                unpacked += len(chunk)
                if unpacked > limit:
                    raise _archive_refused("archive_too_large")


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
