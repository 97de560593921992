"""The admin's event pages: the list with seat counts, the form with programme, sessions and enrolments, and what
saving an event sets off (cancelling, promoting the waiting list, telling participants of a change)."""

from functools import partial

from django.contrib import admin, messages
from django.db import models
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_safe
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from networks.admin_scoping import NetworkScopedAdminMixin

from .. import selectors, services
from ..models import Enrollment, Event, EventSession, ProgrammeItem
from . import course_pages, event_actions


class ProgrammeItemInline(TranslationTabularInline):
    model = ProgrammeItem
    extra = 0
    fields = ["start", "end", "title", "speaker", "description"]


class EventSessionInline(TranslationStackedInline):
    model = EventSession
    extra = 0
    fields = [("start", "end"), "hours", "title", "venue"]


class EnrollmentInline(admin.TabularInline):
    """Who is enrolled, read-only: staff change enrolments through the actions, which keep the rules."""

    model = Enrollment
    extra = 0
    can_delete = False
    fields = ["user", "status", "mode", "waiting_mode", "waiting_since", "answers", "attended", "created_at"]
    readonly_fields = fields
    ordering = ["status", "created_at", "pk"]
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Event)
class EventAdmin(NetworkScopedAdminMixin, TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = [
        "title", "start", "kind", "format", "network", "status",
        "confirmed_onsite", "confirmed_online", "waiting_onsite", "waiting_online", "seats_left",
    ]  # fmt: skip
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
    list_select_related = ["network"]
    inlines = [ProgrammeItemInline, EventSessionInline, EnrollmentInline]
    readonly_fields = ["created_at", "updated_at", "confirmed_onsite_count", "confirmed_online_count"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "network", "series", "audience"]}),
        (_("Time and place"), {"fields": [("start", "end"), "format", "venue", "online_url"]}),
        (_("Texts"), {"fields": ["summary", "description"]}),
        (
            _("Enrolment"),
            {
                "fields": [
                    "capacity",
                    ("capacity_onsite", "capacity_online"),
                    ("confirmed_onsite_count", "confirmed_online_count"),
                    ("enrollment_opens", "enrollment_closes"),
                    "cancellation_deadline",
                    "questions",
                ]
            },
        ),
        (
            _("Course completion"),
            {
                "fields": ["completion_rule", "completion_threshold"],
                "description": _(
                    "With a rule, certificates are issued automatically to those who meet it once the last session "
                    "has ended. Participants check in with the session's code (see “Check-in codes” above)."
                ),
            },
        ),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]
    actions = [
        event_actions.duplicate,
        event_actions.cancel_events,
        event_actions.export_participants,
        event_actions.mark_attendance,
        event_actions.write_to_participants,
        event_actions.enroll_person,
        event_actions.issue_certificates,
    ]

    def get_queryset(self, request):
        return selectors.with_waiting_counts(super().get_queryset(request))

    def get_urls(self):
        own = [
            path(
                "<path:object_id>/checkin/",
                self.admin_site.admin_view(
                    require_http_methods(["GET", "POST"])(partial(course_pages.checkin_page, self))
                ),
                name="events_event_checkin",
            ),
            path(
                "<path:object_id>/completion/",
                self.admin_site.admin_view(require_safe(partial(course_pages.completion_page, self))),
                name="events_event_completion",
            ),
        ]
        return own + super().get_urls()

    # Counts per mode: a non-hybrid event has its one mode's column filled and the other at zero.
    @admin.display(description=_("confirmed on site"), ordering="confirmed_onsite_count")
    def confirmed_onsite(self, event):
        return event.confirmed_onsite_count

    @admin.display(description=_("confirmed online"), ordering="confirmed_online_count")
    def confirmed_online(self, event):
        return event.confirmed_online_count

    @admin.display(description=_("waiting on site"), ordering="waiting_onsite")
    def waiting_onsite(self, event):
        return event.waiting_onsite

    @admin.display(description=_("waiting online"), ordering="waiting_online")
    def waiting_online(self, event):
        return event.waiting_online

    @admin.display(description=_("seats left"))
    def seats_left(self, event):
        return selectors.seats_left(event)

    def save_model(self, request, obj, form, change):
        """Saving keeps the rules: the service saves and audits, a cancellation goes through cancel_event (which
        notifies), new seats go to the waiting list, and a changed time, format or place is e-mailed to those
        enrolled."""
        cancelling = change and "status" in form.changed_data and obj.status == Event.Status.CANCELLED
        if cancelling:
            obj.status = form.initial.get("status", Event.Status.PUBLISHED)
        services.save_event(event=obj, by=request.user)
        if not change:
            return
        if cancelling:
            try:
                notified = services.cancel_event(event=obj, by=request.user)
            except services.EventStateError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, event_actions.notified_message(notified))
            obj.refresh_from_db()
            return
        seat_fields = {"capacity", "capacity_onsite", "capacity_online", "format", "status"}
        if seat_fields & set(form.changed_data):
            promoted = len(services.capacity_changed(event=obj))
            if promoted:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d member moved up from the waiting list.",
                        "%(count)d members moved up from the waiting list.",
                        promoted,
                    )
                    % {"count": promoted},
                )
        notified = services.notify_event_changed(event=obj, changed_fields=form.changed_data)
        if notified:
            self.message_user(request, event_actions.notified_message(notified))
