"""The newsletter's data: subscribers (double opt-in, by a secret token; a second one to unsubscribe), issues in
three languages, and one delivery per issue and subscriber that records what happened to that message."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

TOKEN_BYTES = 32  # a subscriber's token is these bytes in URL-safe base64: 43 characters of [A-Za-z0-9_-]


def new_token():
    return secrets.token_urlsafe(TOKEN_BYTES)


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        ACTIVE = "active", _("Active")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    class UnsubscribeReason(models.TextChoices):
        REQUESTED = "requested", _("At the subscriber's request")
        BOUNCING = "bouncing", _("The address refused several messages in a row")

    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="fi")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="newsletter_subscriptions",
        verbose_name=_("user"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # Two secrets, so that the link of one message cannot do what the other's does: `token` is in the
    # confirmation link only (a new one for each sign-up), `unsubscribe_token` in every issue's unsubscribe link
    # and List-Unsubscribe header (kept for good, so that the link of an old issue still lets the reader leave).
    token = models.CharField(_("secret token"), max_length=64, unique=True, default=new_token, editable=False)
    unsubscribe_token = models.CharField(
        _("secret unsubscribe token"), max_length=64, unique=True, default=new_token, editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    consented_at = models.DateTimeField(_("consent given"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    unsubscribe_reason = models.CharField(
        _("reason for unsubscribing"), max_length=16, choices=UnsubscribeReason.choices, blank=True
    )
    consecutive_failures = models.PositiveSmallIntegerField(_("failures in a row"), default=0)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci_unique")]

    def __str__(self):
        return self.email

    def confirmation_expires_at(self):
        sent = self.confirmation_sent_at or self.created_at
        return sent + settings.NEWSLETTER_CONFIRMATION_DAYS * timedelta(days=1)


class NewsletterIssue(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200)  # translated
    body = models.TextField(_("body"), help_text=_("Markdown."))  # translated
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    sending_started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    recipient_count = models.PositiveIntegerField(_("recipients"), default=0)
    sent_count = models.PositiveIntegerField(_("sent"), default=0)
    failed_count = models.PositiveIntegerField(_("failed"), default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    EDITABLE_STATUSES = (Status.DRAFT, Status.SCHEDULED)
    # What staff write, a column per language (translation.py); everything else belongs to the sending.
    CONTENT_FIELDS = tuple(
        f"{name}_{code}" for name in ("subject", "body") for code in settings.MODELTRANSLATION_LANGUAGES
    )

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def is_editable(self) -> bool:
        """Staff may change the text, schedule and send only until the sending starts."""
        return self.status in self.EDITABLE_STATUSES


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    issue = models.ForeignKey(
        NewsletterIssue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue")
    )
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("subscriber")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # A sender claims a batch until this time; after it, another sender may take the rows over.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    claim_token = models.CharField(_("claim"), max_length=32, blank=True, editable=False)
    # A transient failure waits until this time before the next attempt.
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"),
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
