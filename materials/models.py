from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Material(models.Model):
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
    file = models.FileField(_("file"), upload_to="materials/%Y/", blank=True, max_length=300)
    url = models.URLField(_("external address"), max_length=1000, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size (bytes)"), null=True, blank=True, editable=False)
    content_type = models.CharField(_("file type"), max_length=200, blank=True, editable=False)
    language = models.CharField(_("language of the material"), max_length=8, choices=Language.choices, default="fi")
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    networks = models.ManyToManyField(
        "networks.Network", blank=True, related_name="materials", verbose_name=_("networks")
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="materials", verbose_name=_("events"))
    visibility = models.CharField(_("visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PUBLIC)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["-year", "-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="materials_file_or_url_not_both",
            ),
        ]

    def __str__(self):
        return self.title
