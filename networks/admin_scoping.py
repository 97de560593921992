"""The admin's one coordinator scope: a network coordinator sees and manages only their own networks' rows.

Every app's ModelAdmin that holds network data mixes in NetworkScopedAdminMixin (networks, memberships, events,
series, enrolments...), so that the rule lives in one place.
"""

from django.core.exceptions import PermissionDenied, ValidationError

from .coordinators import is_scoped_coordinator
from .models import Network
from .selectors import coordinated_network_ids


class NetworkScopedAdminMixin:
    """Scope a ModelAdmin to the networks a coordinator holds a role in; superusers and other staff see all.

    `network_field` is the lookup path from the model to its network: "network" for a membership, "id" for the
    network itself, "event__network" or "networks" (many-to-many) elsewhere. For a scoped coordinator the changelist
    shows only rows of their networks, foreign-key and many-to-many choices of networks offer only their networks,
    and opening, changing or deleting another network's row by its URL answers 403.
    """

    network_field = "network"

    def coordinated_ids(self, request) -> set[int] | None:
        """The network ids the request's user is limited to, or None when not limited."""
        if not is_scoped_coordinator(request.user):
            return None
        if not hasattr(request, "_networks_coordinated_ids"):
            request._networks_coordinated_ids = coordinated_network_ids(request.user)
        return request._networks_coordinated_ids

    def scope(self, request, queryset):
        ids = self.coordinated_ids(request)
        if ids is None:
            return queryset
        return queryset.filter(**{f"{self.network_field}__in": ids}).distinct()

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self.coordinated_ids(request) is not None:
            # Tell "not yours" apart from "not there": another network's row is forbidden, not missing.
            field = self.model._meta.get_field(from_field) if from_field else self.model._meta.pk
            try:
                exists = self.model._default_manager.filter(**{field.name: field.to_python(object_id)}).exists()
            except (ValidationError, ValueError):  # a malformed id is simply not there
                exists = False
            if exists:
                raise PermissionDenied
        return obj

    def _in_scope(self, request, obj) -> bool:
        ids = self.coordinated_ids(request)
        if ids is None or obj is None:
            return True
        return self.model._default_manager.filter(pk=obj.pk, **{f"{self.network_field}__in": ids}).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        ids = self.coordinated_ids(request)
        if ids is not None:
            related = db_field.related_model
            if related is Network:
                kwargs["queryset"] = Network.objects.filter(pk__in=ids)
                kwargs["required"] = True  # a row without a network would drop out of the coordinator's view
            elif any(field.name == "network" for field in related._meta.get_fields()):
                # e.g. an event's series: only those of the coordinator's networks, never staff's own series
                kwargs["queryset"] = related._default_manager.filter(network__in=ids)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        ids = self.coordinated_ids(request)
        if ids is not None and db_field.related_model is Network:
            kwargs["queryset"] = Network.objects.filter(pk__in=ids)
        return super().formfield_for_manytomany(db_field, request, **kwargs)
