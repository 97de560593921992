"""Every message the material bank shows about bad input, kept together so they read alike."""

from django.utils.translation import gettext_lazy as _

FILE_OR_URL_MISSING = _("Give either a file or an external address.")
FILE_AND_URL_BOTH = _("Give either a file or an external address, not both. Clear one of them.")
UNSAFE_URL = _("Only web addresses that start with http:// or https:// are allowed.")
INVALID_URL = _("Enter a complete web address, such as https://example.org/guide.")
FILE_EMPTY = _("The file is empty.")
FILE_TOO_LARGE = _("The file is %(size)s; the largest file allowed is %(limit)s.")
FILE_TYPE_NOT_ALLOWED = _(
    "This type of file cannot be uploaded. Allowed are PDF files, Office documents (Word, Excel, PowerPoint, "
    "OpenDocument), images (PNG, JPEG, GIF, WebP) and plain text."
)
FILE_MARKUP_OR_SCRIPT = _("The file contains a web page or a script, which cannot be uploaded as a material.")
FILE_NAME_MISMATCH = _(
    "The file's content is %(type)s, but its name ends in “%(extension)s”. Give it a name that matches its content."
)
FILE_DAMAGED = _("The file looks like %(type)s but is damaged or incomplete.")
FILE_UNREADABLE = _("The uploaded file could not be read. Try uploading it again.")
FILE_ARCHIVE_TOO_LARGE = _(
    "Unpacked, the document would take more than %(limit)s or hold more than %(parts)s parts, which is more than "
    "the portal accepts. Save it without large embedded files and try again."
)
