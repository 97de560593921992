"""The staff interface of Leading HYTE: the guidance texts, the checklist versions with their groups and items, the
counties' editors, and the assessments (read-only; drafts may be discarded, answers exported).

A checklist version that an assessment has answered keeps its groups and items as they were: staff copy it into a
new version (an action) and revise the copy. Editors are named and removed through leading.services, which write
the audit trail. Network coordinators have no permissions here.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline, TranslationTabularInline

from . import selectors, services
from .exports import answers_csv_response
from .models import Answer, Assessment, ChecklistGroup, ChecklistItem, ChecklistVersion, CountyEditor, GuidanceSection


@admin.register(GuidanceSection)
class GuidanceSectionAdmin(TabbedTranslationAdmin):
    list_display = ["title", "key", "order"]
    search_fields = ["title_fi", "title_sv", "title_en", "body_fi", "body_sv", "body_en"]
    filter_horizontal = ["materials"]
    fields = ["title", "key", "order", "body", "materials"]


LOCKED_VERSION = _(
    "Assessments have answered this checklist version, so its groups and items stay as they are. To revise them, "
    "copy the version with the action on the list of checklist versions."
)


def explain_lock(model_admin, request, version) -> None:
    """Say on the change page why an answered version's groups and items cannot be changed."""
    if request.method == "GET" and version is not None and version.is_answered:
        model_admin.message_user(request, LOCKED_VERSION, messages.INFO)


class LockedWhenAnsweredMixin:
    """Groups and items of a version that an assessment has answered are shown, never changed or deleted."""

    def _version_of(self, obj):
        raise NotImplementedError

    def _is_locked(self, obj) -> bool:
        version = self._version_of(obj) if obj is not None else None
        return version is not None and version.is_answered

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not self._is_locked(obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._is_locked(obj)


class ChecklistGroupInline(LockedWhenAnsweredMixin, TranslationTabularInline):
    model = ChecklistGroup
    fields = ["order", "title"]
    extra = 0
    show_change_link = True

    def _version_of(self, version):
        return version

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._is_locked(obj)


@admin.register(ChecklistVersion)
class ChecklistVersionAdmin(TabbedTranslationAdmin):
    list_display = ["title", "in_use_from", "created_at"]
    fields = ["title", "in_use_from"]
    inlines = [ChecklistGroupInline]
    actions = ["copy_as_new_version"]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj is not None and obj.is_answered)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        explain_lock(self, request, self.get_object(request, object_id))
        return super().change_view(request, object_id, form_url, extra_context)

    @admin.action(description=_("Copy as a new version to revise"))
    def copy_as_new_version(self, request, queryset):
        for version in queryset:
            copy = services.copy_checklist_version(version=version, actor=request.user)
            self.message_user(
                request,
                _("“%(title)s” was copied. Revise its groups and items, then set the date it comes into use.")
                % {"title": copy.title},
                messages.SUCCESS,
            )


class ChecklistItemInline(LockedWhenAnsweredMixin, TranslationStackedInline):
    model = ChecklistItem
    fields = ["order", "key", "text", "help_text"]
    extra = 0

    def _version_of(self, group):
        return group.version

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not self._is_locked(obj)


@admin.register(ChecklistGroup)
class ChecklistGroupAdmin(LockedWhenAnsweredMixin, TabbedTranslationAdmin):
    list_display = ["title", "version", "order"]
    list_filter = ["version"]
    list_select_related = ["version"]
    fields = ["version", "order", "title", "description"]
    inlines = [ChecklistItemInline]

    def _version_of(self, group):
        return group.version

    def change_view(self, request, object_id, form_url="", extra_context=None):
        group = self.get_object(request, object_id)
        explain_lock(self, request, group.version if group else None)
        return super().change_view(request, object_id, form_url, extra_context)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "version":  # a new group only in a version that no assessment has answered yet
            kwargs["queryset"] = ChecklistVersion.objects.filter(assessments=None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CountyEditor)
class CountyEditorAdmin(admin.ModelAdmin):
    """Who may fill in each county's assessment: added and removed (never changed) through the services."""

    list_display = ["user", "email", "county", "added_at"]
    list_filter = ["county"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
    fields = ["county", "user"]

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def email(self, editor):
        return editor.user.email

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def save_model(self, request, obj, form, change):
        editor = services.add_county_editor(county=obj.county, user=obj.user, added_by=request.user)
        obj.pk, obj.added_at = editor.pk, editor.added_at

    def delete_model(self, request, obj):
        services.remove_county_editor(editor=obj, removed_by=request.user)

    def delete_queryset(self, request, queryset):
        for editor in queryset.select_related("user"):
            services.remove_county_editor(editor=editor, removed_by=request.user)


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ["item", "rating", "note", "evidence_url"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("item").order_by("item__group__order", "item__order")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """Assessments are filled in on the site; here they are read, drafts discarded and answers exported."""

    list_display = ["__str__", "county", "assessed_on", "status", "version", "published_at", "published_by"]
    list_filter = ["status", "county", "version", ("assessed_on", admin.DateFieldListFilter)]
    list_select_related = ["version", "published_by"]
    date_hierarchy = "assessed_on"
    fields = [
        "county", "version", "status", "assessed_on", "created_at", "created_by", "updated_at", "updated_by",
        "published_at", "published_by",
    ]  # fmt: skip
    readonly_fields = fields
    inlines = [AnswerInline]
    actions = ["export_answers", "delete_selected"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_draft)

    def delete_model(self, request, obj):
        services.discard_draft(assessment=obj, user=request.user)

    def delete_queryset(self, request, queryset):
        published = queryset.filter(status=Assessment.Status.PUBLISHED).count()
        for draft in queryset.filter(status=Assessment.Status.DRAFT):
            services.discard_draft(assessment=draft, user=request.user)
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d published assessment was kept: published assessments stay in the county's history.",
                    "%(count)d published assessments were kept: published assessments stay in the county's history.",
                    published,
                )
                % {"count": published},
                messages.WARNING,
            )

    @admin.action(description=_("Export the answers of the selected assessments (CSV)"), permissions=["view"])
    def export_answers(self, request, queryset):
        answers = selectors.answers_for_export().filter(assessment__in=queryset)
        return answers_csv_response(answers, name="selected")
