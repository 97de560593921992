"""Leading HYTE: the guidance texts, the structures checklist in versions, each county's editors, and the counties'
self-assessments with one answer per checklist item.

A checklist version holds ordered groups of items. An assessment answers one version and keeps it: staff revise the
checklist by copying a version and editing the copy, and an item's `key` stays the same from one version to the
next, so that answers can be compared across versions.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from materials.fields import WebAddressField

# The wellbeing services counties of the profile's region choices (with Helsinki and HUS), not "other".
COUNTIES = [(value, label) for value, label in User.Region.choices if value != User.Region.OTHER]
COUNTY_LABELS = dict(COUNTIES)


class Rating(models.TextChoices):
    """How far a structure is in place, on the checklist's scale, plus "don't know"."""

    NOT_IN_PLACE = "not_in_place", _("Not in place")
    PARTLY = "partly", _("Partly in place")
    IN_PLACE = "in_place", _("In place")
    ESTABLISHED = "established", _("Established")
    DONT_KNOW = "dont_know", _("Don't know")


# The order of the scale, for comparing two answers; "don't know" has no place on it.
RATING_SCORES = {Rating.NOT_IN_PLACE: 0, Rating.PARTLY: 1, Rating.IN_PLACE: 2, Rating.ESTABLISHED: 3}
IN_PLACE_RATINGS = (Rating.IN_PLACE, Rating.ESTABLISHED)


class GuidanceSection(models.Model):
    """A section of the Leading HYTE guidance page, written by staff in Markdown in three languages."""

    key = models.SlugField(
        _("key"), max_length=64, unique=True, help_text=_("The section's address on the page (after #).")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)  # translated
    body = models.TextField(_("text"), help_text=_("Markdown: a blank line between paragraphs, - at list items."))
    materials = models.ManyToManyField(
        "materials.Material",
        blank=True,
        related_name="guidance_sections",
        verbose_name=_("materials"),
        help_text=_("Material bank entries listed under the section (members-only ones for members only)."),
    )

    class Meta:
        verbose_name = _("guidance section")
        verbose_name_plural = _("guidance sections")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title


class ChecklistVersion(models.Model):
    """One edition of the structures checklist; new assessments answer the version in use today."""

    title = models.CharField(_("title"), max_length=200)  # translated
    in_use_from = models.DateField(
        _("in use from"),
        null=True,
        blank=True,
        unique=True,
        help_text=_(
            "New assessments answer the version with the latest date that has come. Leave empty while the version "
            "is being prepared."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("checklist version")
        verbose_name_plural = _("checklist versions")
        ordering = [F("in_use_from").desc(nulls_first=True), "-pk"]

    def __str__(self):
        return self.title

    @property
    def is_answered(self) -> bool:
        """Whether an assessment has answered this version: then its groups and items stay as they are."""
        return self.assessments.exists()


class ChecklistGroup(models.Model):
    """A heading of the checklist (leadership structures, services, coordination, contacts), in order."""

    version = models.ForeignKey(
        ChecklistVersion, verbose_name=_("checklist version"), on_delete=models.CASCADE, related_name="groups"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)  # translated
    description = models.TextField(_("description"), blank=True)  # translated

    class Meta:
        verbose_name = _("checklist group")
        verbose_name_plural = _("checklist groups")
        ordering = ["version", "order", "pk"]

    def __str__(self):
        return self.title


class ChecklistItem(models.Model):
    """A structure that a county should have, with a help text saying what counts."""

    group = models.ForeignKey(ChecklistGroup, verbose_name=_("group"), on_delete=models.CASCADE, related_name="items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    key = models.SlugField(
        _("key"),
        max_length=64,
        help_text=_(
            "Stays the same in every version of the checklist, so that answers to this item can be compared "
            "from one version to the next."
        ),
    )
    text = models.CharField(_("item"), max_length=500)  # translated
    help_text = models.TextField(_("help text"), blank=True)  # translated

    class Meta:
        verbose_name = _("checklist item")
        verbose_name_plural = _("checklist items")
        ordering = ["order", "pk"]
        constraints = [models.UniqueConstraint(fields=["group", "key"], name="leading_item_key_unique_in_group")]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if self.group_id and self.key:
            same_key = ChecklistItem.objects.filter(group__version_id=self.group.version_id, key=self.key)
            if same_key.exclude(pk=self.pk).exists():
                raise ValidationError({"key": _("Another item of this checklist version has the same key.")})


class CountyEditor(models.Model):
    """A member whom staff have named to fill in a county's self-assessment."""

    county = models.CharField(_("county"), max_length=32, choices=COUNTIES)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("editor"), on_delete=models.CASCADE, related_name="county_editor_roles"
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        verbose_name = _("county editor")
        verbose_name_plural = _("county editors")
        ordering = ["county", "user__last_name", "user__first_name"]
        constraints = [models.UniqueConstraint(fields=["county", "user"], name="leading_one_role_per_county_and_user")]

    def __str__(self):
        return _("%(person)s, %(county)s") % {"person": self.user, "county": self.get_county_display()}


class Assessment(models.Model):
    """A county's answers to one checklist version on a date: a draft its editors change, then published for good."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    county = models.CharField(_("county"), max_length=32, choices=COUNTIES)
    version = models.ForeignKey(
        ChecklistVersion, verbose_name=_("checklist version"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    assessed_on = models.DateField(_("date of the assessment"), default=timezone.localdate)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        ordering = ["county", "-assessed_on", "-pk"]
        constraints = [
            # The editors of a county share one draft: a second "start" finds the first.
            models.UniqueConstraint(
                fields=["county"], condition=Q(status="draft"), name="leading_one_draft_per_county"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="leading_published_has_a_time",
            ),
        ]
        indexes = [models.Index(fields=["county", "status", "-assessed_on"], name="leading_county_latest")]

    def __str__(self):
        return _("%(county)s, %(date)s") % {"county": self.get_county_display(), "date": self.assessed_on.isoformat()}

    def get_absolute_url(self):
        """A published assessment's page; a draft's form (which only its county's editors and staff open)."""
        name = "leading:edit" if self.is_draft else "leading:assessment"
        return reverse(name, kwargs={"county": self.county, "pk": self.pk})

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT


class Answer(models.Model):
    """A county's answer to one checklist item: a rating on the scale (empty in a draft), a note, an evidence link."""

    assessment = models.ForeignKey(
        Assessment, verbose_name=_("self-assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    item = models.ForeignKey(ChecklistItem, verbose_name=_("item"), on_delete=models.PROTECT, related_name="answers")
    rating = models.CharField(_("rating"), max_length=16, choices=Rating.choices, blank=True)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    evidence_url = WebAddressField(_("evidence link"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="leading_one_answer_per_item"),
            models.CheckConstraint(
                condition=Q(rating="") | Q(rating__in=Rating.values), name="leading_rating_on_the_scale"
            ),
            models.CheckConstraint(
                condition=Q(evidence_url="")
                | Q(evidence_url__istartswith="https://")
                | Q(evidence_url__istartswith="http://"),
                name="leading_evidence_url_is_http_or_https",
            ),
        ]

    def __str__(self):
        return f"{self.item}: {self.get_rating_display()}"
