from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
    questions = models.JSONField(
        _("enrolment questions"),
        default=list,
        blank=True,
        help_text=_("Questions asked on enrolment, such as dietary needs."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

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
