"""The admin's enrolments (with their actions), and the read-only rows that follow from them: certificates,
session attendances and reminder deliveries."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from networks.admin_scoping import NetworkScopedAdminMixin

from .. import services
from ..models import Certificate, Enrollment, ReminderDelivery, SessionAttendance


class ReadOnlyRowsAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    """Rows that only the services write (members enrol on the site, so that the seat rules hold)."""

    def has_add_permission(self, request):
        return False


@admin.register(Enrollment)
class EnrollmentAdmin(ReadOnlyRowsAdmin):
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
    actions = ["mark_attended", "cancel_enrollments", "issue_certificate"]

    @admin.action(description=_("Mark as attended"), permissions=["change"])
    def mark_attended(self, request, queryset):
        count = services.mark_attended(enrollments=queryset, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d enrolment marked as attended.", "%(count)d enrolments marked as attended.", count)
            % {"count": count},
        )

    @admin.action(description=_("Cancel the enrolments (the next on the waiting list move up)"), permissions=["change"])
    def cancel_enrollments(self, request, queryset):
        for enrollment in queryset.select_related("event", "user"):
            try:
                services.cancel_enrollment(enrollment=enrollment, user=request.user, by_staff=True)
            except services.EnrollmentError as error:
                self.message_user(
                    request,
                    _("The enrolment of %(member)s in “%(event)s” was not cancelled: %(reason)s")
                    % {"member": enrollment.user, "event": enrollment.event, "reason": error.message},
                    messages.ERROR,
                )

    @admin.action(description=_("Issue a certificate (if the participant completed the event)"), permissions=["change"])
    def issue_certificate(self, request, queryset):
        for enrollment in queryset.select_related("event", "user"):
            try:
                certificate = services.issue_certificate(enrollment=enrollment, by=request.user)
            except services.EnrollmentError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(
                    request,
                    _("Certificate %(code)s issued to %(member)s.")
                    % {"code": certificate.code, "member": enrollment.user},
                )


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyRowsAdmin):
    network_field = "enrollment__event__network"
    list_display = ["enrollment", "code", "language", "issued_at", "issued_by", "revoked_at"]
    list_select_related = ["enrollment__user", "enrollment__event", "issued_by"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["code", "enrollment__user__email", "enrollment__user__last_name", "enrollment__event__title_fi"]
    readonly_fields = ["enrollment", "code", "language", "issued_at", "issued_by", "revoked_at", "revoked_by"]
    actions = ["revoke"]

    @admin.action(
        description=_("Revoke the certificates (their verification page then says so)"), permissions=["change"]
    )
    def revoke(self, request, queryset):
        for certificate in queryset:
            try:
                services.revoke_certificate(certificate=certificate, by=request.user)
            except services.EnrollmentError as error:
                self.message_user(request, f"{certificate.code}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("Certificate %(code)s revoked.") % {"code": certificate.code})


@admin.register(SessionAttendance)
class SessionAttendanceAdmin(ReadOnlyRowsAdmin):
    network_field = "session__event__network"
    list_display = ["enrollment", "session", "marked_at"]
    list_select_related = ["enrollment__user", "enrollment__event", "session"]
    list_filter = [("session__start", admin.DateFieldListFilter)]


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(ReadOnlyRowsAdmin):
    network_field = "enrollment__event__network"
    list_display = ["enrollment", "kind", "claimed_at", "sent_at"]
    list_select_related = ["enrollment__user", "enrollment__event"]
    list_filter = ["kind"]
    readonly_fields = ["enrollment", "kind", "claimed_at", "sent_at"]
