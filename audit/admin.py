"""The audit trail in the admin: read-only for everyone, superusers included; coordinators see their networks'."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from networks.admin_scoping import NetworkScopedAdminMixin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    list_display = ["created_at", "action", "who", "object_label", "network"]
    list_filter = [
        "action",
        ("network", admin.RelatedOnlyFieldListFilter),
        ("actor", admin.RelatedOnlyFieldListFilter),
        ("person", admin.RelatedOnlyFieldListFilter),
        ("created_at", admin.DateFieldListFilter),
    ]
    search_fields = ["action", "actor_label", "object_label", "object_id"]
    date_hierarchy = "created_at"
    list_select_related = ["network", "actor"]
    fields = [
        "created_at", "action", "actor", "actor_label", "by_system", "object_type", "object_id", "object_label",
        "network", "person", "details",
    ]  # fmt: skip
    readonly_fields = fields

    @admin.display(description=_("who"), ordering="actor_label")
    def who(self, entry):
        if entry.by_system:
            return _("system")
        return entry.actor_label or _("(erased account)")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
