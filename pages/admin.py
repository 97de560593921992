"""The staff's side of the pages app: editing the four pages' texts in three languages, reading feedback."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import services
from .models import ContentPage, Feedback

ACCESSIBILITY_FIELDS = [
    "scope", "compliance_status", "non_conformities", "assessed_on", "assessment_method", "reviewed_on",
    "supervisor_contact",
]  # fmt: skip
CONTACT_FIELDS = ["contact_email", "contact_phone"]


@admin.register(ContentPage)
class ContentPageAdmin(TabbedTranslationAdmin):
    """The four pages exist from the start (a data migration) and always will: staff edit them, nobody adds or
    deletes one. Each page shows only the fields its template uses."""

    list_display = ["__str__", "kind", "updated_at", "updated_by"]
    list_select_related = ["updated_by"]
    readonly_fields = ["kind", "updated_at", "updated_by"]
    extra_fieldsets = {
        ContentPage.Kind.PRIVACY: [(_("The controller's contact"), CONTACT_FIELDS)],
        ContentPage.Kind.ACCESSIBILITY: [(_("The statement's parts"), ACCESSIBILITY_FIELDS)],
        ContentPage.Kind.CONTACT: [(_("The unit's contact"), CONTACT_FIELDS)],
    }

    def get_fieldsets(self, request, obj=None):
        parts = [(None, ["kind", "title", "lead", "body"])]
        parts += self.extra_fieldsets.get(obj.kind if obj else None, [])
        parts.append((_("Last change"), ["updated_at", "updated_by"]))
        return [(title, {"fields": self.replace_orig_field(fields)}) for title, fields in parts]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        services.save_page(page=obj, by=request.user, changed_fields=form.changed_data)


class HandledFilter(admin.SimpleListFilter):
    title = _("handled")
    parameter_name = "handled"

    def lookups(self, request, model_admin):
        return [("no", _("Not yet handled")), ("yes", _("Handled"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(handled_at=None)
        if self.value() == "yes":
            return queryset.exclude(handled_at=None)
        return queryset


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    """Feedback is read here and marked handled with the action; what people wrote is never edited."""

    list_display = ["received_at", "topic", "excerpt", "wants_reply", "answer_by", "handled_at"]
    list_filter = [HandledFilter, "topic", "wants_reply", "language"]
    list_select_related = ["handled_by"]
    search_fields = ["message", "name", "email", "page"]
    date_hierarchy = "received_at"
    actions = ["mark_handled"]
    fields = [
        "received_at", "answer_by", "topic", "message", "page", "name", "email", "wants_reply", "language",
        "mailed_at", "handled_at", "handled_by",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("message"))
    def excerpt(self, feedback):
        return feedback.message if len(feedback.message) <= 80 else feedback.message[:79] + "…"

    @admin.display(description=_("answer by"), ordering="received_at")
    def answer_by(self, feedback):
        due = date_format(timezone.localtime(feedback.answer_by).date(), "SHORT_DATE_FORMAT")
        if feedback.handled_at is None and feedback.answer_by < timezone.now():
            return format_html("<strong>{}</strong>", _("%(date)s (overdue)") % {"date": due})
        return due

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # A message is shown, not edited; the change permission only allows the "handled" action.
        return obj is None and super().has_change_permission(request, obj)

    @admin.action(description=_("Mark the selected feedback handled"), permissions=["change"])
    def mark_handled(self, request, queryset):
        marked = services.mark_feedback_handled(
            feedback_ids=list(queryset.values_list("pk", flat=True)), by=request.user
        )
        self.message_user(
            request,
            ngettext("%(count)d message marked handled.", "%(count)d messages marked handled.", marked)
            % {"count": marked},
            messages.SUCCESS,
        )
