"""The staff interface for events, series and enrolments. Every action calls a service.

Network coordinators (staff users in the "Network coordinators" group who are not superusers) see and manage
only their own networks' events, series and enrolments (networks.admin_scoping.NetworkScopedAdminMixin).
"""

import csv

from django.contrib import admin, messages
from django.db import models
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from networks.admin_scoping import NetworkScopedAdminMixin

from . import services
from .forms import GenerateOccurrencesForm, WriteToParticipantsForm
from .models import (
    Certificate,
    Enrollment,
    Event,
    EventSeries,
    EventSession,
    ProgrammeItem,
    ReminderDelivery,
    SessionAttendance,
)


class ProgrammeItemInline(TranslationTabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ["start", "end", "title", "speaker", "description"]


class EventSessionInline(TranslationStackedInline):
    model = EventSession
    extra = 0
    fields = [("start", "end"), "title", "venue"]


class EnrollmentInline(admin.TabularInline):
    """Who is enrolled, read-only: staff change enrolments through the actions, which keep the rules."""

    model = Enrollment
    extra = 0
    can_delete = False
    fields = ["user", "status", "mode", "answers", "attended", "created_at"]
    readonly_fields = fields
    ordering = ["status", "created_at", "pk"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


def _single_event(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose exactly one event for this action."), messages.WARNING)
        return None
    return queryset.get()


def _intermediate(request, modeladmin, queryset, template, context):
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "title": modeladmin.get_action(request.POST.get("action"))[2] if request.POST.get("action") else "",
            "opts": modeladmin.model._meta,
            "queryset": queryset,
            "action": request.POST.get("action"),
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            **context,
        },
    )


def answers_text(enrollment) -> str:
    return "; ".join(f"{label}: {answer}" for label, answer in enrollment.answer_list())


@admin.register(Event)
class EventAdmin(NetworkScopedAdminMixin, TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "start", "kind", "format", "network", "status", "confirmed", "waitlisted", "capacity"]
    list_filter = [
        "status",
        "kind",
        "format",
        "audience",
        ("network", admin.RelatedOnlyFieldListFilter),  # a coordinator sees only their own networks' names
        ("series", admin.RelatedOnlyFieldListFilter),
        ("start", admin.DateFieldListFilter),
    ]
    search_fields = ["title_fi", "title_sv", "title_en", "slug", "venue_fi"]
    date_hierarchy = "start"
    prepopulated_fields = {"slug": ["title_fi"]}
    autocomplete_fields = []
    list_select_related = ["network"]
    inlines = [ProgrammeItemInline, EventSessionInline, EnrollmentInline]
    readonly_fields = ["created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "network", "series", "audience"]}),
        (_("Time and place"), {"fields": [("start", "end"), "format", "venue", "online_url"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (
            _("Enrolment"),
            {"fields": ["capacity", ("enrollment_opens", "enrollment_closes"), "cancellation_deadline", "questions"]},
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    actions = [
        "duplicate",
        "cancel_events",
        "export_participants",
        "mark_attendance",
        "write_to_participants",
        "issue_certificates",
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_total=Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.CONFIRMED)),
                waitlisted_total=Count("enrollments", filter=Q(enrollments__status=Enrollment.Status.WAITLISTED)),
            )
        )

    @admin.display(description=_("confirmed"), ordering="confirmed_total")
    def confirmed(self, event):
        return event.confirmed_total

    @admin.display(description=_("waiting"), ordering="waitlisted_total")
    def waitlisted(self, event):
        return event.waitlisted_total

    def save_model(self, request, obj, form, change):
        """Saving keeps the rules: a cancellation goes through cancel_event (which notifies), new seats go to
        the waiting list, and a changed time or place is e-mailed to those enrolled."""
        cancelling = change and "status" in form.changed_data and obj.status == Event.Status.CANCELLED
        if cancelling:
            obj.status = form.initial.get("status", Event.Status.PUBLISHED)
        super().save_model(request, obj, form, change)
        if not change:
            return
        if cancelling:
            try:
                notified = services.cancel_event(event=obj, by=request.user)
            except services.EventStateError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, self._notified_message(notified))
            obj.refresh_from_db()
            return
        if "capacity" in form.changed_data or "status" in form.changed_data:
            promoted = services.capacity_changed(event=obj)
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d member moved up from the waiting list.",
                        "%(count)d members moved up from the waiting list.",
                        len(promoted),
                    )
                    % {"count": len(promoted)},
                )
        notified = services.notify_event_changed(event=obj, changed_fields=form.changed_data)
        if notified:
            self.message_user(request, self._notified_message(notified))

    @staticmethod
    def _notified_message(count):
        return ngettext(
            "%(count)d participant will be notified by e-mail.",
            "%(count)d participants will be notified by e-mail.",
            count,
        ) % {"count": count}

    @admin.action(description=_("Duplicate as a draft"), permissions=["add"])
    def duplicate(self, request, queryset):
        for event in queryset:
            copy = services.duplicate_event(event=event)
            self.message_user(request, _("Copied as the draft %(slug)s; set its dates.") % {"slug": copy.slug})

    @admin.action(description=_("Cancel the event and notify the participants"), permissions=["change"])
    def cancel_events(self, request, queryset):
        if request.POST.get("confirm") != "yes":
            return _intermediate(request, self, queryset, "admin/events/event/confirm_cancel.html", {})
        for event in queryset:
            try:
                notified = services.cancel_event(event=event, by=request.user)
            except services.EventStateError as error:
                self.message_user(request, f"{event}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, f"{event}: {self._notified_message(notified)}")
        return None

    @admin.action(description=_("Export the participants to CSV"))
    def export_participants(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="participants-{timezone.localdate():%Y%m%d}.csv"'
        response.write("\ufeff")  # spreadsheet programs read the file as UTF-8 with this mark
        writer = csv.writer(response)
        writer.writerow(
            [
                _("Event"),
                _("Name"),
                _("E-mail address"),
                _("Organisation"),
                _("Region"),
                _("Participation mode"),
                _("Answers"),
                _("Status"),
                _("Attended"),
            ]
        )
        enrollments = (
            Enrollment.objects.filter(event__in=queryset)
            .exclude(status=Enrollment.Status.CANCELLED)
            .select_related("event", "user")
            .order_by("event__start", "event_id", "status", "created_at", "pk")
        )
        for enrollment in enrollments:
            user = enrollment.user
            writer.writerow(
                [
                    _csv_safe(enrollment.event.title),
                    _csv_safe(user.get_full_name()),
                    _csv_safe(user.email),
                    _csv_safe(user.organisation),
                    user.get_region_display(),
                    enrollment.get_mode_display(),
                    _csv_safe(answers_text(enrollment)),
                    enrollment.get_status_display(),
                    _("yes") if enrollment.attended else _("no"),
                ]
            )
        return response

    @admin.action(description=_("Mark attendance"), permissions=["change"])
    def mark_attendance(self, request, queryset):
        event = _single_event(self, request, queryset)
        if event is None:
            return None
        sessions = list(event.sessions.all())
        enrollments = list(
            event.enrollments.filter(status=Enrollment.Status.CONFIRMED)
            .select_related("user")
            .prefetch_related("session_attendances")
            .order_by("user__last_name", "user__first_name", "pk")
        )
        if request.POST.get("confirm") == "yes":
            attended = _parse_attendance(request.POST.getlist("present"), has_sessions=bool(sessions))
            try:
                count = services.record_attendance(event=event, attended=attended)
            except services.EventStateError as error:
                self.message_user(request, error.message, messages.ERROR)
                return None
            self.message_user(
                request,
                ngettext("%(count)d participant attended.", "%(count)d participants attended.", count)
                % {"count": count},
            )
            return None
        rows = [
            {
                "enrollment": enrollment,
                "sessions": [
                    (session, session.pk in {a.session_id for a in enrollment.session_attendances.all()})
                    for session in sessions
                ],
            }
            for enrollment in enrollments
        ]
        return _intermediate(
            request,
            self,
            queryset,
            "admin/events/event/attendance.html",
            {"event": event, "sessions": sessions, "rows": rows},
        )

    @admin.action(description=_("Write to the participants"), permissions=["change"])
    def write_to_participants(self, request, queryset):
        event = _single_event(self, request, queryset)
        if event is None:
            return None
        form = WriteToParticipantsForm(request.POST if request.POST.get("confirm") == "yes" else None)
        if form.is_bound and form.is_valid():
            data = form.cleaned_data
            try:
                count = services.write_to_participants(
                    event=event,
                    statuses=data["statuses"],
                    subject={language: data[f"subject_{language}"] for language in ("fi", "sv", "en")},
                    message={language: data[f"message_{language}"] for language in ("fi", "sv", "en")},
                    by=request.user,
                )
            except services.EventStateError as error:
                self.message_user(request, error.message, messages.ERROR)
                return None
            self.message_user(
                request,
                ngettext(
                    "The message goes to %(count)d participant.", "The message goes to %(count)d participants.", count
                )
                % {"count": count},
            )
            return None
        return _intermediate(
            request, self, queryset, "admin/events/event/write_to_participants.html", {"event": event, "form": form}
        )

    @admin.action(description=_("Issue participation certificates to those who attended"), permissions=["change"])
    def issue_certificates(self, request, queryset):
        for event in queryset:
            try:
                count = services.issue_certificates(event=event, by=request.user)
            except services.EventStateError as error:
                self.message_user(request, f"{event}: {error.message}", messages.ERROR)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "%(event)s: %(count)d certificate issued.", "%(event)s: %(count)d certificates issued.", count
                    )
                    % {"event": event, "count": count},
                )


def _csv_safe(value) -> str:
    """A cell starting with =, +, - or @ would run as a formula in a spreadsheet; quote it."""
    value = str(value or "")
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _is_id(value: str) -> bool:
    return value.isascii() and value.isdigit()  # str.isdigit() alone accepts "²", which int() refuses


def _parse_attendance(values, *, has_sessions):
    """Checkbox values are "<enrolment id>" or "<enrolment id>:<session id>"; anything else is ignored."""
    if not has_sessions:
        return {int(value) for value in values if _is_id(value)}
    attended: dict[int, set[int]] = {}
    for value in values:
        enrollment_id, _sep, session_id = value.partition(":")
        if _is_id(enrollment_id) and _is_id(session_id):
            attended.setdefault(int(enrollment_id), set()).add(int(session_id))
    return attended


@admin.register(EventSeries)
class EventSeriesAdmin(NetworkScopedAdminMixin, TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "rrule", "start_time", "duration_minutes", "network", "is_active", "occurrences"]
    list_filter = ["is_active", "kind", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title_fi", "title_sv", "title_en"]
    actions = ["generate_next"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(occurrence_count=Count("events"))

    @admin.display(description=_("occurrences"), ordering="occurrence_count")
    def occurrences(self, series):
        return series.occurrence_count

    @admin.action(description=_("Generate the next occurrences"), permissions=["add"])
    def generate_next(self, request, queryset):
        form = GenerateOccurrencesForm(request.POST if request.POST.get("confirm") == "yes" else None)
        if form.is_bound and form.is_valid():
            for series in queryset:
                created = services.generate_next_occurrences(series=series, count=form.cleaned_data["count"])
                self.message_user(
                    request,
                    ngettext("%(series)s: %(count)d new occurrence.", "%(series)s: %(count)d new occurrences.", created)
                    % {"series": series, "count": created},
                )
            return None
        return _intermediate(request, self, queryset, "admin/events/eventseries/generate.html", {"form": form})


@admin.register(Enrollment)
class EnrollmentAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    network_field = "event__network"
    list_display = ["user", "event", "status", "mode", "attended", "created_at"]
    list_filter = ["status", "attended", "mode", "event__kind", ("event__start", admin.DateFieldListFilter)]
    search_fields = ["user__email", "user__first_name", "user__last_name", "event__title_fi", "event__slug"]
    list_select_related = ["user", "event"]
    raw_id_fields = ["user", "event"]
    # Attendance changes only through the actions, whose service checks the enrolment and the event's time.
    readonly_fields = [
        "event", "user", "status", "mode", "answers", "attended", "created_at", "updated_at", "cancelled_at"
    ]  # fmt: skip
    fields = readonly_fields
    actions = ["mark_attended", "cancel_enrollments"]

    def has_add_permission(self, request):
        return False  # members enrol on the site, so that the seat rules hold

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        count = services.mark_attended(enrollments=queryset)
        self.message_user(
            request,
            ngettext("%(count)d enrolment marked as attended.", "%(count)d enrolments marked as attended.", count)
            % {"count": count},
        )

    @admin.action(description=_("Cancel the enrolments (the next on the waiting list move up)"), permissions=["change"])
    def cancel_enrollments(self, request, queryset):
        for enrollment in queryset.select_related("event"):
            try:
                services.cancel_enrollment(enrollment=enrollment, user=request.user, by_staff=True)
            except services.EnrollmentError as error:
                self.message_user(request, f"{enrollment}: {error.message}", messages.ERROR)


@admin.register(Certificate)
class CertificateAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    network_field = "enrollment__event__network"
    list_display = ["enrollment", "language", "issued_at", "issued_by"]
    list_select_related = ["enrollment__user", "enrollment__event", "issued_by"]
    readonly_fields = ["enrollment", "language", "issued_at", "issued_by"]

    def has_add_permission(self, request):
        return False


@admin.register(SessionAttendance)
class SessionAttendanceAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    network_field = "session__event__network"
    list_display = ["enrollment", "session", "marked_at"]
    list_select_related = ["enrollment__user", "enrollment__event", "session"]
    list_filter = [("session__start", admin.DateFieldListFilter)]

    def has_add_permission(self, request):
        return False


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    network_field = "enrollment__event__network"
    list_display = ["enrollment", "kind", "claimed_at", "sent_at"]
    list_select_related = ["enrollment__user", "enrollment__event"]
    list_filter = ["kind"]
    readonly_fields = ["enrollment", "kind", "claimed_at", "sent_at"]

    def has_add_permission(self, request):
        return False
