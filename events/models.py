"""Events and their parts: recurring series, events with programme and sessions, enrolments with attendance and
certificates, reminder deliveries and members' calendar feeds; and the invariants a constraint can hold."""

import secrets
from decimal import Decimal

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


class CompletionRule(models.TextChoices):
    """What a participant must attend for a course to count as completed (and a certificate to be issued)."""

    ALL_SESSIONS = "all_sessions", _("All sessions")
    ALL_BUT = "all_but", _("All sessions but N")
    MIN_HOURS = "min_hours", _("At least N hours")


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        CANCELLED = "cancelled", _("Cancelled")

    Kind = EventKind
    Format = EventFormat
    Audience = Audience
    CompletionRule = CompletionRule

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
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: unlimited. Hybrid events use the two below.")
    )
    capacity_onsite = models.PositiveIntegerField(
        _("on-site capacity"), null=True, blank=True, help_text=_("Hybrid events only. Empty: unlimited.")
    )
    capacity_online = models.PositiveIntegerField(
        _("online capacity"), null=True, blank=True, help_text=_("Hybrid events only. Empty: unlimited.")
    )
    # Seats taken, kept by the enrolment services under the event row's lock (events.services.seats), so that
    # pages read them from the row instead of counting enrolments. A non-hybrid event uses the column of its
    # one mode. The database refuses a negative count.
    confirmed_onsite_count = models.PositiveIntegerField(_("confirmed on site"), default=0, editable=False)
    confirmed_online_count = models.PositiveIntegerField(_("confirmed online"), default=0, editable=False)
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
    # Course completion: with a rule, certificates are issued automatically once the last session has ended.
    completion_rule = models.CharField(
        _("completion rule"),
        max_length=16,
        choices=CompletionRule.choices,
        blank=True,
        help_text=_("Empty: no automatic certificates (staff may still issue them to those who attended)."),
    )
    completion_threshold = models.PositiveIntegerField(
        _("N (sessions that may be missed, or hours)"),
        null=True,
        blank=True,
        help_text=_("For “all sessions but N”, how many sessions may be missed; for “at least N hours”, the hours."),
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
        if self.format == EventFormat.HYBRID and self.capacity is not None:
            errors["capacity"] = _("A hybrid event has an on-site and an online capacity: leave this empty.")
        if self.format != EventFormat.HYBRID and (self.capacity_onsite is not None or self.capacity_online is not None):
            errors["capacity_onsite"] = _("Only a hybrid event has separate on-site and online capacities.")
        try:
            validate_questions(self.questions)
        except ValidationError as error:
            errors["questions"] = error.messages
        errors.update(self._completion_rule_errors())
        if errors:
            raise ValidationError(errors)

    def _completion_rule_errors(self) -> dict:
        needs_threshold = self.completion_rule in (CompletionRule.ALL_BUT, CompletionRule.MIN_HOURS)
        if needs_threshold and not self.completion_threshold:
            return {"completion_threshold": _("Give N for this completion rule.")}
        if not needs_threshold and self.completion_threshold is not None:
            return {"completion_threshold": _("N is used only with “all sessions but N” or “at least N hours”.")}
        return {}

    def participation_modes(self):
        """The modes a member may choose from: both for a hybrid event, otherwise the one the format implies."""
        if self.format == EventFormat.HYBRID:
            return [Enrollment.Mode.ONSITE, Enrollment.Mode.ONLINE]
        if self.format == EventFormat.ONSITE:
            return [Enrollment.Mode.ONSITE]
        return [Enrollment.Mode.ONLINE]

    @property
    def is_hybrid(self) -> bool:
        return self.format == EventFormat.HYBRID

    def seat_mode(self, mode: str) -> str:
        """The seat pool an enrolment in `mode` takes: its own mode at a hybrid event, else the event's one mode."""
        if self.is_hybrid:
            return mode or Enrollment.Mode.ONSITE
        return self.participation_modes()[0]

    def capacity_for(self, mode: str) -> int | None:
        """The seats of a mode's pool; None when unlimited."""
        if not self.is_hybrid:
            return self.capacity
        return self.capacity_onsite if mode == Enrollment.Mode.ONSITE else self.capacity_online

    @staticmethod
    def counter_field(mode: str) -> str:
        return "confirmed_onsite_count" if mode == Enrollment.Mode.ONSITE else "confirmed_online_count"

    def confirmed_in(self, mode: str) -> int:
        """Seats taken in a mode's pool, as the row holds them."""
        return getattr(self, self.counter_field(self.seat_mode(mode)))

    def question_list(self, mode: str = ""):
        """The enrolment questions with their labels in the active language. On-site questions (dietary needs)
        are left out for someone taking part online; with no mode given, all are listed."""
        return [
            {
                "key": question["key"],
                "label": question_label(question),
                "required": bool(question.get("required")),
                "onsite": bool(question.get("onsite")),
            }
            for question in self.questions or []
            if not (question.get("onsite") and mode == Enrollment.Mode.ONLINE)
        ]


class EventSession(models.Model):
    """One session of a course such as the developer coaching; one enrolment covers every session."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=200)  # translated
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=300, blank=True)  # translated
    # A two-day session runs overnight: its length from start to end is not the hours of teaching.
    hours = models.DecimalField(
        _("hours"),
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Hours counted towards course completion. Empty: the time from start to end."),
    )

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

    def counted_hours(self) -> Decimal:
        """The hours this session counts for, as staff set them or its length."""
        if self.hours is not None:
            return self.hours
        return hours_between(self.start, self.end)


def hours_between(start, end) -> Decimal:
    return (Decimal((end - start).total_seconds()) / 3600).quantize(Decimal("0.1"))


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
    # A confirmed participant of a hybrid event who asked to switch to a full mode keeps their seat in `mode`
    # and waits in this one until promoted (events.services.mode_switch).
    waiting_mode = models.CharField(
        _("waiting for the mode"), max_length=16, choices=Mode.choices, blank=True, editable=False
    )
    # When the enrolment joined its current waiting list: the list's one order (with the id for ties). Not
    # editable anywhere, so nobody can reorder the list.
    waiting_since = models.DateTimeField(_("waiting since"), null=True, blank=True, editable=False)
    promoted_at = models.DateTimeField(_("promoted"), null=True, blank=True, editable=False)
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
            models.CheckConstraint(
                condition=~Q(status="waitlisted") | Q(waiting_since__isnull=False),
                name="events_waitlisted_has_waiting_since",
            ),
            models.CheckConstraint(
                condition=Q(waiting_mode="") | Q(status="confirmed"),
                name="events_only_confirmed_wait_for_another_mode",
            ),
        ]
        indexes = [models.Index(fields=["event", "waiting_since", "id"], name="events_enrollment_waiting_idx")]

    def __str__(self):
        return f"{self.user} – {self.event} ({self.get_status_display()})"

    @property
    def waiting_for(self) -> str:
        """The mode whose waiting list this enrolment is on; empty when on none."""
        if self.status == self.Status.WAITLISTED:
            return self.mode
        return self.waiting_mode

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


# Codes people read from a screen or paper: no 0/O, 1/I/L lookalikes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CERTIFICATE_CODE_LENGTH = 12


def new_code(length: int) -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _index in range(length))


def new_certificate_code() -> str:
    return new_code(CERTIFICATE_CODE_LENGTH)


class Certificate(models.Model):
    """A participation certificate, issued after the event (by staff, or by the system when a course's completion
    rule is met); the PDF is drawn when downloaded. Anyone with its code can verify it; staff can revoke it."""

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
    code = models.CharField(_("verification code"), max_length=16, unique=True, default=new_certificate_code)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        verbose_name = _("participation certificate")
        verbose_name_plural = _("participation certificates")
        ordering = ["-issued_at"]

    def __str__(self):
        return str(self.enrollment)

    def get_absolute_url(self):
        return reverse("events:certificate", kwargs={"pk": self.pk})

    def get_verification_url(self):
        return reverse("certificates:verify", kwargs={"code": self.code})

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


CHECKIN_CODE_LENGTH = 6


def new_checkin_code() -> str:
    return new_code(CHECKIN_CODE_LENGTH)


class CheckinCode(models.Model):
    """The code participants type (or scan) to check themselves in to one session, or to an event without
    sessions (session empty: the event counts as one session)."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="checkin_codes", verbose_name=_("event"))
    session = models.OneToOneField(
        EventSession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checkin_code",
        verbose_name=_("session"),
    )
    code = models.CharField(_("check-in code"), max_length=CHECKIN_CODE_LENGTH, unique=True, default=new_checkin_code)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    class Meta:
        verbose_name = _("check-in code")
        verbose_name_plural = _("check-in codes")
        constraints = [
            models.UniqueConstraint(
                fields=["event"], condition=Q(session__isnull=True), name="events_one_checkin_code_per_event"
            ),
        ]

    def __str__(self):
        return self.code


class SeriesSubscription(models.Model):
    """A member enrolled in every coming occurrence of a series, and in those generated later, while active."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="series_subscriptions",
        verbose_name=_("user"),
    )
    series = models.ForeignKey(
        EventSeries, on_delete=models.CASCADE, related_name="subscriptions", verbose_name=_("series")
    )
    mode = models.CharField(_("participation mode"), max_length=16, choices=Enrollment.Mode.choices, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    left_at = models.DateTimeField(_("left"), null=True, blank=True)

    class Meta:
        verbose_name = _("series subscription")
        verbose_name_plural = _("series subscriptions")
        ordering = ["series", "created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["user", "series"], name="events_one_subscription_per_series")]

    def __str__(self):
        return f"{self.user} – {self.series}"


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
