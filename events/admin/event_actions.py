"""The admin actions on events. Each one calls a service; those that need more than a click show a page first."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy

from hyte_portal.csv_export import csv_response

from .. import services
from ..forms import StaffEnrollForm, WriteToParticipantsForm
from ..models import Enrollment
from .action_pages import action_page, is_confirmed

# What the actions on several events say about each one (the plural form follows %(count)d).
CANCELLED = ngettext_lazy(
    "“%(event)s” is cancelled; %(count)d participant will be notified by e-mail.",
    "“%(event)s” is cancelled; %(count)d participants will be notified by e-mail.",
    "count",
)
NOT_CANCELLED = _("“%(event)s” was not cancelled: %(reason)s")
CERTIFICATES_ISSUED = ngettext_lazy(
    "%(count)d certificate issued for “%(event)s”.", "%(count)d certificates issued for “%(event)s”.", "count"
)
NO_CERTIFICATES = _("No certificates were issued for “%(event)s”: %(reason)s")


def notified_message(count: int) -> str:
    return ngettext(
        "%(count)d participant will be notified by e-mail.",
        "%(count)d participants will be notified by e-mail.",
        count,
    ) % {"count": count}


def _single_event(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Choose exactly one event for this action."), messages.WARNING)
        return None
    return queryset.get()


def _report_each(modeladmin, request, queryset, service, *, done, refused) -> None:
    """Call `service(event=..., by=<the staff member>)` for each selected event and say how each went: the `done`
    sentence with the event and the count the service returned, or `refused` with the reason it gave."""
    for event in queryset:
        try:
            count = service(event=event, by=request.user)
        except services.EventStateError as error:
            modeladmin.message_user(request, refused % {"event": event, "reason": error.message}, messages.ERROR)
        else:
            modeladmin.message_user(request, done % {"event": event, "count": count})


@admin.action(description=_("Duplicate as a draft"), permissions=["add"])
def duplicate(modeladmin, request, queryset):
    for event in queryset:
        copy = services.duplicate_event(event=event)
        modeladmin.message_user(request, _("Copied as the draft %(slug)s; set its dates.") % {"slug": copy.slug})


@admin.action(description=_("Cancel the event and notify the participants"), permissions=["change"])
def cancel_events(modeladmin, request, queryset):
    if not is_confirmed(request):
        return action_page(request, modeladmin, queryset, "admin/events/event/confirm_cancel.html", {})
    _report_each(modeladmin, request, queryset, services.cancel_event, done=CANCELLED, refused=NOT_CANCELLED)
    return None


def answers_text(enrollment) -> str:
    return "; ".join(f"{label}: {answer}" for label, answer in enrollment.answer_list())


@admin.action(description=_("Export the participants to CSV"))
def export_participants(modeladmin, request, queryset):
    enrollments = (
        Enrollment.objects.filter(event__in=queryset)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("event", "user")
        .order_by("event__start", "event_id", "status", "created_at", "pk")
    )
    return csv_response(
        filename=f"participants-{timezone.localdate():%Y%m%d}.csv",
        header=[
            _("Event"),
            _("Name"),
            _("E-mail address"),
            _("Organisation"),
            _("Region"),
            _("Participation mode"),
            _("Answers"),
            _("Status"),
            _("Attended"),
        ],
        rows=(
            [
                enrollment.event.title,
                enrollment.user.get_full_name(),
                enrollment.user.email,
                enrollment.user.organisation,
                enrollment.user.get_region_display(),
                enrollment.get_mode_display(),
                answers_text(enrollment),
                enrollment.get_status_display(),
                _("yes") if enrollment.attended else _("no"),
            ]
            for enrollment in enrollments
        ),
    )


def _is_id(value: str) -> bool:
    return value.isascii() and value.isdigit()  # str.isdigit() alone accepts "²", which int() refuses


def parse_attendance(values, *, has_sessions):
    """Checkbox values are "<enrolment id>" or "<enrolment id>:<session id>"; anything else is ignored."""
    if not has_sessions:
        return {int(value) for value in values if _is_id(value)}
    attended: dict[int, set[int]] = {}
    for value in values:
        enrollment_id, _sep, session_id = value.partition(":")
        if _is_id(enrollment_id) and _is_id(session_id):
            attended.setdefault(int(enrollment_id), set()).add(int(session_id))
    return attended


@admin.action(description=_("Mark attendance"), permissions=["change"])
def mark_attendance(modeladmin, request, queryset):
    event = _single_event(modeladmin, request, queryset)
    if event is None:
        return None
    sessions = list(event.sessions.all())
    if is_confirmed(request):
        attended = parse_attendance(request.POST.getlist("present"), has_sessions=bool(sessions))
        try:
            count = services.record_attendance(event=event, attended=attended, by=request.user)
        except services.EventStateError as error:
            modeladmin.message_user(request, error.message, messages.ERROR)
            return None
        modeladmin.message_user(
            request,
            ngettext("%(count)d participant attended.", "%(count)d participants attended.", count) % {"count": count},
        )
        return None
    enrollments = (
        event.enrollments.filter(status=Enrollment.Status.CONFIRMED)
        .select_related("user")
        .prefetch_related("session_attendances")
        .order_by("user__last_name", "user__first_name", "pk")
    )
    rows = []
    for enrollment in enrollments:
        attended_sessions = {attendance.session_id for attendance in enrollment.session_attendances.all()}
        rows.append(
            {"enrollment": enrollment, "sessions": [(session, session.pk in attended_sessions) for session in sessions]}
        )
    return action_page(
        request,
        modeladmin,
        queryset,
        "admin/events/event/attendance.html",
        {"event": event, "sessions": sessions, "rows": rows},
    )


@admin.action(description=_("Write to the participants"), permissions=["change"])
def write_to_participants(modeladmin, request, queryset):
    event = _single_event(modeladmin, request, queryset)
    if event is None:
        return None
    form = WriteToParticipantsForm(request.POST if is_confirmed(request) else None)
    if not (form.is_bound and form.is_valid()):
        return action_page(
            request,
            modeladmin,
            queryset,
            "admin/events/event/write_to_participants.html",
            {"event": event, "form": form},
        )
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
        modeladmin.message_user(request, error.message, messages.ERROR)
        return None
    modeladmin.message_user(
        request,
        ngettext("The message goes to %(count)d participant.", "The message goes to %(count)d participants.", count)
        % {"count": count},
    )
    return None


@admin.action(description=_("Issue participation certificates to those who attended"), permissions=["change"])
def issue_certificates(modeladmin, request, queryset):
    _report_each(
        modeladmin, request, queryset, services.issue_certificates, done=CERTIFICATES_ISSUED, refused=NO_CERTIFICATES
    )


@admin.action(description=_("Enrol a person directly"), permissions=["change"])
def enroll_person(modeladmin, request, queryset):
    """Staff enrol someone (the service confirms them if a seat is free, else queues them last; audited)."""
    event = _single_event(modeladmin, request, queryset)
    if event is None:
        return None
    form = StaffEnrollForm(request.POST if is_confirmed(request) else None)
    if not (form.is_bound and form.is_valid()):
        return action_page(
            request, modeladmin, queryset, "admin/events/event/enroll_person.html", {"event": event, "form": form}
        )
    try:
        enrollment = services.staff_enroll(
            event=event, user=form.person, mode=form.cleaned_data["mode"], by=request.user
        )
    except services.EnrollmentError as error:
        modeladmin.message_user(request, error.message, messages.ERROR)
        return None
    if enrollment.status == Enrollment.Status.CONFIRMED:
        done = _("%(person)s is enrolled in “%(event)s”.")
    else:
        done = _("“%(event)s” is full: %(person)s is last on the waiting list.")
    modeladmin.message_user(request, done % {"person": form.person, "event": event})
    return None
