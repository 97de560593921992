"""The staff interface of the material bank: uploads and addresses, checked and saved by materials.services."""

from django.contrib import admin, messages
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import filetypes, services
from .models import Material

TYPE_CSS = {
    "application/pdf": "pdf",
    filetypes.DOCX.content_type: "word",
    filetypes.DOC.content_type: "word",
    filetypes.XLSX.content_type: "excel",
    filetypes.XLS.content_type: "excel",
    filetypes.PPTX.content_type: "powerpoint",
    filetypes.PPT.content_type: "powerpoint",
}


@admin.register(Material)
class MaterialAdmin(TabbedTranslationAdmin):
    """Materials with their translations, file type badges and sizes; bulk actions change the visibility."""

    list_display = ("title", "type_badge", "kind", "visibility", "language", "year", "size", "download_count")
    list_filter = ("kind", "visibility", "language", "year", "networks")
    search_fields = ("title_fi", "title_sv", "title_en", "description_fi", "description_sv", "description_en")
    filter_horizontal = ("networks", "events")
    readonly_fields = ("content_type", "size", "download_count", "created_at", "updated_at")
    actions = ("make_public", "make_members_only")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("title", "description", "kind", "language", "year", "visibility")}),
        (_("File or external address"), {"fields": ("file", "url", "content_type", "size")}),
        (_("Where it is shown"), {"fields": ("networks", "events")}),
        (_("Statistics"), {"fields": ("download_count", "created_at", "updated_at")}),
    )

    class Media:
        css = {"all": ("css/materials.css",)}

    def save_model(self, request, obj, form, change):
        """Save through the service, which checks the file or address and stores the file's size and type."""
        services.save_material(
            material=obj,
            networks=form.cleaned_data.get("networks"),
            events=form.cleaned_data.get("events"),
            by=request.user,
        )

    def delete_model(self, request, obj):
        services.delete_material(material=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for material in queryset:
            services.delete_material(material=material, by=request.user)

    def save_related(self, request, form, formsets, change):
        # save_model has set the networks and events through the service: only inline rows are left to save.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.display(description=_("type"))
    def type_badge(self, material):
        if not material.file:
            return format_html('<span class="material-type material-type--link">{}</span>', _("Link"))
        css = TYPE_CSS.get(material.content_type, "image" if material.content_type.startswith("image/") else "other")
        return format_html(
            '<span class="material-type material-type--{}" title="{}">{}</span>',
            css,
            material.content_type,
            material.file_label,
        )

    @admin.display(description=_("size"), ordering="file_size")
    def size(self, material):
        return filesizeformat(material.file_size) if material.file_size is not None else "–"

    @admin.action(description=_("Make the selected materials public"))
    def make_public(self, request, queryset):
        changed = services.set_visibility(materials=list(queryset.only("pk")), visibility=Material.Visibility.PUBLIC)
        message = ngettext("%(count)d material is now public.", "%(count)d materials are now public.", changed) % {
            "count": changed
        }
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Make the selected materials members only"))
    def make_members_only(self, request, queryset):
        changed = services.set_visibility(materials=list(queryset.only("pk")), visibility=Material.Visibility.MEMBERS)
        message = ngettext(
            "%(count)d material is now for members only.", "%(count)d materials are now for members only.", changed
        ) % {"count": changed}
        self.message_user(request, message, messages.SUCCESS)
