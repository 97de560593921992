"""The audit trail: one row per decision taken by staff, a coordinator, a member about their own data, or the system.

Rows are written by the services in the same transaction as the decision (audit.services.record) and never
changed afterwards, except that erasing an account blanks the personal details it left in them.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_made",
        help_text=_("Empty when the system did it (a scheduled task)."),
    )
    actor_label = models.CharField(_("who (as recorded)"), max_length=254, blank=True)
    by_system = models.BooleanField(_("by the system"), default=False)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=300, blank=True)
    network = models.ForeignKey(
        "networks.Network",
        verbose_name=_("network"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person concerned"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="audit_entries_about",
    )
    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    details = models.JSONField(_("details"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["network", "-created_at"], name="audit_network_created")]

    def __str__(self):
        return f"{self.action} {self.object_type}:{self.object_id}"
