"""Networks, their contact people and coordinators (roles), each person's membership in a network, and the
e-mailed invitations to join one."""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from search.fields import search_fields


class Network(models.Model):
    """A network of professionals: its texts in three languages, its kind, and how people join it."""

    class Kind(models.TextChoices):
        GOOD_SPIRAL_THEME = "good_spiral_theme", _("Good Spiral theme network")
        DIRECTOR_NETWORK = "director_network", _("Director network")
        COACHING_ALUMNI = "coaching_alumni", _("Developer coaching alumni")
        INTERNAL_GROUP = "internal_group", _("Internal group")

    class JoinPolicy(models.TextChoices):
        OPEN = "open", _("Open: join at once")
        APPROVAL = "approval", _("Closed: membership by approval")
        INVITATION = "invitation", _("By invitation only")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)  # translated
    summary = models.TextField(_("summary"), blank=True)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    focus_areas = models.TextField(_("focus areas"), blank=True, help_text=_("One focus area per line."))  # translated
    meeting_rhythm = models.CharField(_("meeting rhythm"), max_length=200, blank=True)  # translated
    kind = models.CharField(_("kind"), max_length=32, choices=Kind.choices)
    join_policy = models.CharField(_("join policy"), max_length=16, choices=JoinPolicy.choices, default=JoinPolicy.OPEN)
    is_active = models.BooleanField(_("active"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", through_fields=("network", "user"), related_name="networks"
    )
    # Lemmas for the site search (search/fields.py), written on every save by search.signals.
    search_title, search_text, search_document, search_title_document = search_fields()

    # The order in which the kinds are listed on the pages: Good Spiral themes first.
    KIND_ORDER = [Kind.GOOD_SPIRAL_THEME, Kind.DIRECTOR_NETWORK, Kind.COACHING_ALUMNI, Kind.INTERNAL_GROUP]

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("networks:detail", kwargs={"slug": self.slug})

    def focus_area_list(self):
        return [line.strip() for line in (self.focus_areas or "").splitlines() if line.strip()]


class NetworkRole(models.Model):
    """A contact person, chair, secretary or coordinator: a user, or a name and e-mail address."""

    class Role(models.TextChoices):
        CONTACT = "contact", _("Contact person")
        CHAIR = "chair", _("Chair")
        SECRETARY = "secretary", _("Secretary")
        COORDINATOR = "coordinator", _("Coordinator")

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="roles", verbose_name=_("network"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="network_roles",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("network role")
        verbose_name_plural = _("network roles")
        ordering = ["network", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(name=""), name="networks_role_has_user_or_name"
            ),
            models.UniqueConstraint(
                fields=["network", "user", "role"],
                condition=Q(user__isnull=False),
                name="networks_one_role_per_user",
                violation_error_message=_("This person already has this role in the network."),
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def display_name(self):
        return self.user.get_full_name() if self.user_id else self.name

    @property
    def contact_email(self):
        return self.user.email if self.user_id else self.email


class Membership(models.Model):
    """A person's one row in a network: pending, active, rejected or left, with the dates of its history."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACTIVE = "active", _("Active")
        REJECTED = "rejected", _("Rejected")
        LEFT = "left", _("Left")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("network")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status_changed_at = models.DateTimeField(
        _("status since"), default=timezone.now, help_text=_("When the membership got its current status.")
    )
    joined_at = models.DateTimeField(_("joined"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)
    request_mailed_at = models.DateTimeField(_("coordinators notified"), null=True, blank=True, editable=False)
    decision_mailed_at = models.DateTimeField(_("decision e-mailed"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["network", "-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "network"],
                name="networks_one_membership_per_user",
                violation_error_message=_("This person already has a membership in this network."),
            )
        ]
        indexes = [models.Index(fields=["network", "status"], name="networks_membership_by_status")]

    def __str__(self):
        return f"{self.user} – {self.network} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def is_pending(self):
        return self.status == self.Status.PENDING


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    """An invitation e-mailed to an address: the person becomes a member only by accepting it, logged in with
    that address (an address without an account signs up first), within VALID_FOR.

    Its own row rather than a membership with an "invited" status: the address may have no account yet, and no
    membership row (which the member directory, the counts and the exports read) exists without the person's
    consent. One invitation per network and address waits at a time; inviting again replaces the waiting one.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        REPLACED = "replaced", _("Replaced by a newer invitation")

    VALID_FOR = timedelta(days=14)
    TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{43}")  # what new_invitation_token() makes

    network = models.ForeignKey(
        Network, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("network")
    )
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language of the message"),
        max_length=2,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used unless the person has chosen a language in the portal."),
    )
    token = models.CharField(
        _("secret token"), max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("invited"), default=timezone.now)
    expires_at = models.DateTimeField(_("valid until"))
    mailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True, editable=False)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepted by"),
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["network", "email"],
                condition=Q(status="pending"),
                name="networks_one_pending_invitation_per_address",
            )
        ]

    def __str__(self):
        return f"{self.email} – {self.network}"

    # No get_absolute_url: the admin's "view on site" would hand the secret link to whoever may see the row.

    @classmethod
    def has_token_shape(cls, token) -> bool:
        """Whether `token` could be an invitation's: asked before any query, so that junk never reaches one."""
        return isinstance(token, str) and cls.TOKEN_SHAPE.fullmatch(token) is not None

    def is_expired(self, now=None) -> bool:
        return (now or timezone.now()) >= self.expires_at
