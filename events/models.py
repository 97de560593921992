"""Events and their parts: recurring series, events with programme and sessions, enrolments with attendance and
certificates, reminder deliveries and members' calendar feeds; and the invariants a constraint can hold."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from search.fields import search_fields

from .questions import question_label, validate_questions


class EventKind(models.TextChoices):
    MORNING_MEETING = "morning_meeting", _("Morning meeting")
    GOOD_SPIRAL_DAY = "good_spiral_day", _("Good Spiral day")
    NETWORKING_DAY = "networking_day", _("Networking day")
    DEVELOPMENT_WORKSHOP = "development_workshop", _("Development workshop")
    NETWORK_MEETING = "network_meeting", _("Network meeting")
    COACHING_SESSION = "coaching_session", _("Coaching")
    SEMINAR = "seminar", _("Seminar")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("On site")
    HYBRID = "hybrid", _("Hybrid")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Open to all")
    NETWORK_MEMBERS = "network_members", _("Network members only")


class EventSeries(models.Model):
    """A recurring event such as the monthly morning meeting; occurrences are generated from its RRULE."""

    title = models.CharField(_("title"), max_length=200)  # translated
    summary = models.TextField(_("summary"), blank=True)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    rrule = models.CharField(
        _("recurrence rule"),
        max_length=500,
        help_text=_("An RFC 5545 RRULE, for example FREQ=MONTHLY;BYDAY=-1TU;BYMONTH=1,2,3,4,5,8,9,10,11,12"),
    )
    starts_on = models.DateField(_("first date"))
    start_time = models.TimeField(_("start time"))
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"))
    # Defaults copied to each new occurrence:
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="series",
        verbose_name=_("network"),
    )
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices, default=Audience.PUBLIC)
    format = models.CharField(_("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.ONLINE)
    venue = models.CharField(_("venue"), max_length=300, blank=True)  # translated
    online_url = models.URLField(_("online meeting link"), max_length=500, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("event series")
        verbose_name_plural = _("event series")
        ordering = ["title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.rrule:
            from .series import validate_rrule  # series.py imports this module

            try:
                validate_rrule(self.rrule)
            except ValidationError as error:
                raise ValidationError({"rrule": error.messages}) from None


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    Kind = EventKind
    Format = EventFormat
    Audience = Audience

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)  # translated
    summary = models.TextField(_("summary"), blank=True)  # translated
    description = models.TextField(_("description"), blank=True)  # translated
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices)
    network = models.ForeignKey(
        "networks.Network",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("network"),
    )
    series = models.ForeignKey(
        EventSeries,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("series"),
    )
    audience = models.CharField(_("audience"), max_length=32, choices=Audience.choices, default=Audience.PUBLIC)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    format = models.CharField(_("format"), max_length=16, choices=EventFormat.choices, default=EventFormat.ONLINE)
    venue = models.CharField(_("venue"), max_length=300, blank=True)  # translated
    online_url = models.URLField(
        _("online meeting link"), max_length=500, blank=True, help_text=_("Shown only to confirmed participants.")
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True, help_text=_("Empty: unlimited."))
    enrollment_opens = models.DateTimeField(_("enrolment opens"), null=True, blank=True)
    enrollment_closes = models.DateTimeField(_("enrolment closes"), null=True, blank=True)
    cancellation_deadline = models.DateTimeField(_("cancellation deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    # Grows each time staff change the time, format or place (or cancel); calendar files carry it as SEQUENCE.
    revision = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    questions = models.JSONField(
        _("enrolment questions"),
        default=list,
        blank=True,
        help_text=_("Questions asked on enrolment, such as dietary needs."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Lemmas for the site search (search/fields.py), written on every save by search.signals.
    search_title, search_text, search_document, search_title_document = search_fields()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["start", "pk"]
        indexes = [models.Index(fields=["status", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="events_event_ends_after_start"),
            models.UniqueConstraint(
                fields=["series", "start"], condition=Q(series__isnull=False), name="events_one_occurrence_per_start"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.enrollment_opens and self.enrollment_closes and self.enrollment_closes <= self.enrollment_opens:
            errors["enrollment_closes"] = _("Enrolment must close after it opens.")
        venues = [getattr(self, f"venue_{code}", None) or "" for code, _name in settings.LANGUAGES]
        if self.format in (EventFormat.ONSITE, EventFormat.HYBRID) and not any(v.strip() for v in venues):
            # venue is translated: the admin form has venue_fi, venue_sv and venue_en, not venue.
            errors["venue_fi"] = _("An on-site or hybrid event needs a venue.")
        try:
            validate_questions(self.questions)
        except ValidationError as error:
            errors["questions"] = error.messages
        if errors:
            raise ValidationError(errors)

    def participation_modes(self):
        """The modes a member may choose from: both for a hybrid event, otherwise the one the format implies."""
        if self.format == EventFormat.HYBRID:
            return [Enrollment.Mode.ONSITE, Enrollment.Mode.ONLINE]
        if self.format == EventFormat.ONSITE:
            return [Enrollment.Mode.ONSITE]
        return [Enrollment.Mode.ONLINE]

    def question_list(self):
        """The enrolment questions with their labels in the active language."""
        return [
            {"key": question["key"], "label": question_label(question), "required": bool(question.get("required"))}
            for question in self.questions or []
        ]


class EventSession(models.Model):
    """One session of a course such as the developer coaching; one enrolment covers every session."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)  # translated
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)  # translated

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["event", "start", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="events_session_ends_after_start"),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The session must end after it starts.")})


class ProgrammeItem(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="programme", verbose_name=_("event"))
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"), null=True, blank=True)
    title = models.CharField(_("title"), max_length=300)  # translated
    speaker = models.CharField(_("speaker"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)  # translated

    class Meta:
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")
        ordering = ["event", "start", "pk"]

    def __str__(self):
        return self.title


class Enrollment(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("On site")
        ONLINE = "online", _("Online")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("event"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrollments", verbose_name=_("user")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices)
    mode = models.CharField(_("participation mode"), max_length=16, choices=Mode.choices, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("enrolled"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"],
                condition=~Q(status="cancelled"),
                name="events_one_live_enrollment_per_user",
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"

    def answer_list(self):
        """(label, answer) pairs in the order of the event's questions, in the active language."""
        answers = self.answers or {}
        return [
            (question_label(question), answers.get(question["key"], ""))
            for question in self.event.questions or []
            if answers.get(question["key"])
        ]


class SessionAttendance(models.Model):
    """An enrolled participant was present at one session of a course."""

    session = models.ForeignKey(
        EventSession, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="session_attendances", verbose_name=_("enrolment")
    )
    marked_at = models.DateTimeField(_("marked"), auto_now_add=True)

    class Meta:
        verbose_name = _("session attendance")
        verbose_name_plural = _("session attendances")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrollment"], name="events_attended_session_once"),
        ]

    def __str__(self):
        return f"{self.enrollment.user} – {self.session}"


class Certificate(models.Model):
    """A participation certificate, issued by staff after the event; the PDF is drawn when downloaded."""

    enrollment = models.OneToOneField(
        Enrollment, on_delete=models.CASCADE, related_name="certificate", verbose_name=_("enrolment")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    issued_at = models.DateTimeField(_("issued"), auto_now_add=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )

    class Meta:
        verbose_name = _("participation certificate")
        verbose_name_plural = _("participation certificates")
        ordering = ["-issued_at"]

    def __str__(self):
        return str(self.enrollment)

    def get_absolute_url(self):
        return reverse("events:certificate", kwargs={"pk": self.pk})


def new_feed_token():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A member's personal calendar feed: a secret address that lists their enrolled events."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed", verbose_name=_("user")
    )
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("calendar feed")
        verbose_name_plural = _("calendar feeds")

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("accounts:calendar_feed", kwargs={"token": self.token})


class ReminderDelivery(models.Model):
    """Claims one reminder of one kind for one enrolment; the unique constraint makes it be sent once."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "day_before", _("The day before")
        HOUR_BEFORE = "hour_before", _("An hour before")

    enrollment = models.ForeignKey(
        Enrollment, on_delete=models.CASCADE, related_name="reminders", verbose_name=_("enrolment")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    claimed_at = models.DateTimeField(_("claimed"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        constraints = [
            models.UniqueConstraint(fields=["enrollment", "kind"], name="events_one_reminder_per_kind"),
        ]

    def __str__(self):
        return f"{self.enrollment} – {self.get_kind_display()}"
