"""The legal and content pages that staff edit in the admin (privacy notice, accessibility statement, contact,
about), and the messages people send with the feedback form."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MARKDOWN_HELP = _("Markdown: ## for a heading, - for a list item, [text](https://...) for a link.")
FEEDBACK_ANSWER_DAYS = 14  # the Act on the Provision of Digital Services (306/2019) gives 14 days


class ContentPage(models.Model):
    """One of the four fixed pages; each `kind` exists once (a data migration creates them) and has its own URL."""

    class Kind(models.TextChoices):
        PRIVACY = "privacy", _("Privacy notice")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")
        CONTACT = "contact", _("Contact")
        ABOUT = "about", _("About the portal")

    class Compliance(models.TextChoices):
        FULLY = "fully", _("Fully compliant")
        PARTIALLY = "partially", _("Partially compliant")
        NOT = "not", _("Not compliant")

    kind = models.CharField(_("page"), max_length=20, choices=Kind.choices, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)  # translated
    lead = models.TextField(_("lead paragraph"), blank=True, help_text=_("A sentence or two under the title."))
    body = models.TextField(_("body"), blank=True, help_text=MARKDOWN_HELP)  # translated

    # The accessibility statement's parts, in the order the supervisory authority's model statement has them.
    scope = models.TextField(_("scope"), blank=True, help_text=_("Which services the statement covers."))
    compliance_status = models.CharField(_("compliance status"), max_length=12, choices=Compliance.choices, blank=True)
    non_conformities = models.TextField(_("known non-conformities"), blank=True, help_text=MARKDOWN_HELP)
    assessed_on = models.DateField(_("date of assessment"), null=True, blank=True)
    assessment_method = models.TextField(_("method of assessment"), blank=True)
    reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    supervisor_contact = models.TextField(_("supervisory authority's contact"), blank=True, help_text=MARKDOWN_HELP)

    # The controller (privacy notice) or the unit (contact page).
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    contact_phone = models.CharField(_("contact phone number"), max_length=40, blank=True)

    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
        ordering = ["pk"]

    def __str__(self):
        return self.title or self.get_kind_display()

    def get_absolute_url(self):
        return reverse(f"pages:{self.kind}")


class Feedback(models.Model):
    """A message sent with the feedback form; staff are e-mailed and answer within FEEDBACK_ANSWER_DAYS."""

    class Topic(models.TextChoices):
        ACCESSIBILITY = "accessibility", _("Accessibility of the portal")
        CONTENT = "content", _("A page's content or an error on it")
        EVENTS = "events", _("Events and enrolment")
        ACCOUNT = "account", _("My account and my personal data")
        OTHER = "other", _("Something else")

    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    message = models.TextField(_("message"))
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    wants_reply = models.BooleanField(_("wants an answer"), default=False)
    page = models.CharField(_("the page it concerns"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    received_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    mailed_at = models.DateTimeField(_("staff e-mailed"), null=True, blank=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_at", "-pk"]

    def __str__(self):
        return f"{self.get_topic_display()}, {timezone.localtime(self.received_at):%Y-%m-%d %H:%M}"

    @property
    def answer_by(self):
        return self.received_at + timedelta(days=FEEDBACK_ANSWER_DAYS)
