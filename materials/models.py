"""The material bank: documents, files and links, public or for members, shown on network and event pages."""

import uuid
from pathlib import PurePath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

from hyte_portal.indexes import OrderIndex
from search.fields import search_fields

from . import errors, filetypes
from .fields import WebAddressField


def material_upload_path(material, filename: str) -> str:
    """materials/<year>/<random>/<clean name>: never guessable, and the file keeps its own name for downloads."""
    name = get_valid_filename(PurePath(filename).name) or "file"
    return f"materials/{timezone.now():%Y}/{uuid.uuid4().hex[:16]}/{name[-150:]}"


class Material(models.Model):
    """A file or an external address (exactly one), described in three languages; its file type is checked."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        LINK = "link", _("Link")
        VIDEO = "video", _("Video")
        GUIDE = "guide", _("Guide")
        PUBLICATION = "publication", _("Publication")

    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    class Language(models.TextChoices):
        FINNISH = "fi", _("Finnish")
        SWEDISH = "sv", _("Swedish")
        ENGLISH = "en", _("English")
        OTHER = "other", _("Other language")

    title = models.CharField(_("title"), max_length=300)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.DOCUMENT)
    file = models.FileField(
        _("file"),
        upload_to=material_upload_path,
        blank=True,
        max_length=300,
        help_text=_(
            "PDF, Office document, image (PNG, JPEG, GIF, WebP) or plain text. The type is checked from the "
            "content. Give either a file or an external address."
        ),
    )
    url = WebAddressField(
        _("external address"),
        max_length=1000,
        blank=True,
        help_text=_("An address that starts with https:// or http://, for materials kept on another site."),
    )
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), null=True, blank=True, editable=False)
    content_type = models.CharField(_("file type"), max_length=200, blank=True, editable=False)
    language = models.CharField(_("language of the material"), max_length=8, choices=Language.choices, default="fi")
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    networks = models.ManyToManyField(
        "networks.Network", blank=True, related_name="materials", verbose_name=_("networks")
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="materials", verbose_name=_("events"))
    visibility = models.CharField(_("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Lemmas for the site search (search/fields.py), written on every save by search.signals.
    search_title, search_text, search_document, search_title_document = search_fields()

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        # Newest year first on every database (PostgreSQL would put materials without a year first).
        ordering = [F("year").desc(nulls_last=True), "-created_at", "pk"]
        # An index for each order a page reads materials in: the bank's list (this ordering) and the newest first
        # (the home page); without them every page sorted the whole table.
        indexes = [
            OrderIndex(F("year").desc(nulls_last=True), F("created_at").desc(), "id", name="materials_bank_order_idx"),
            models.Index(F("created_at").desc(), F("id").desc(), name="materials_newest_first_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="materials_file_or_url_not_both",
                violation_error_message=errors.FILE_AND_URL_BOTH,
            ),
            models.CheckConstraint(
                condition=Q(url="") | Q(url__istartswith="https://") | Q(url__istartswith="http://"),
                name="materials_url_is_http_or_https",
                violation_error_message=errors.UNSAFE_URL,
            ),
        ]

    def __str__(self):
        return self.title

    # --- Validation and storage -------------------------------------------------------------------
    def save(self, *args, **kwargs):
        """Store size and type of a new file (refusing a bad one), and remove a replaced file once committed.

        The type check runs here as well as in clean(), so that no path stores a file of a refused type.
        """
        if self.has_new_file:
            checked = self._type_checked_by_clean() or filetypes.check_upload(self.file)
            self.content_type = checked.content_type
            self.file_size = self.file.size
        elif not self.file:
            self.content_type, self.file_size = "", None
        previous_name = None
        if self.pk is not None:
            previous_name = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        super().save(*args, **kwargs)
        self._checked = None
        if previous_name and previous_name != self.file.name:
            remove_file_on_commit(self.file.storage, previous_name)

    def clean(self):
        super().clean()
        # A form validates before the service does: the same file is read and checked once.
        if self.has_new_file and self._type_checked_by_clean() is None:
            try:
                self._checked = (self.file.file, filetypes.check_upload(self.file))
            except ValidationError as error:
                raise ValidationError({"file": error.error_list}) from None

    def _type_checked_by_clean(self):
        """The type clean() found for this very file (not for one assigned after it), to read it only once."""
        checked_file, file_type = getattr(self, "_checked", None) or (None, None)
        return file_type if checked_file is not None and checked_file is self.file.file else None

    def validate_constraints(self, exclude=None):
        """Exactly one of file and address, said next to the fields, but only when both fields were valid.

        (An address refused as unsafe must not also be reported as a missing address.)
        """
        exclude = set(exclude or ())
        if not {"file", "url"} & exclude:
            has_file, has_url = bool(self.file), bool(self.url)
            if has_file and has_url:
                raise ValidationError({"url": errors.FILE_AND_URL_BOTH})
            if not has_file and not has_url:
                raise ValidationError({"file": errors.FILE_OR_URL_MISSING})
        super().validate_constraints(exclude=exclude)

    @property
    def has_new_file(self) -> bool:
        """A file assigned since loading (an upload in a form, a ContentFile in code) and not stored yet."""
        return bool(self.file) and not self.file._committed

    # --- What pages show --------------------------------------------------------------------------
    @property
    def is_file(self) -> bool:
        return bool(self.file)

    @property
    def is_external(self) -> bool:
        return not self.file and bool(self.url)

    @property
    def file_label(self) -> str:
        return filetypes.label_for(self.content_type) if self.content_type else ""

    @property
    def file_name(self) -> str:
        return PurePath(self.file.name).name if self.file else ""

    @property
    def url_host(self) -> str:
        try:
            return (urlsplit(self.url).hostname or "") if self.url else ""
        except ValueError:
            return ""

    @property
    def is_members_only(self) -> bool:
        return self.visibility == self.Visibility.MEMBERS

    def get_download_url(self):
        return reverse("materials:download", kwargs={"pk": self.pk})


def remove_file_on_commit(storage, name: str) -> None:
    """Delete a stored file after the transaction commits, unless another material still uses it."""

    def remove():
        if not Material.objects.filter(file=name).exists():
            storage.delete(name)

    transaction.on_commit(remove)


@receiver(post_delete, sender=Material, dispatch_uid="materials_remove_file_of_deleted_material")
def remove_file_of_deleted_material(sender, instance, **kwargs):
    """A deleted material's file goes too (also for bulk deletes in the admin, which skip Model.delete)."""
    if instance.file:
        remove_file_on_commit(instance.file.storage, instance.file.name)
