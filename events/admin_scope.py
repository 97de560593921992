"""Admin scoping for network coordinators: they see and manage only their own networks' rows.

A coordinator is a staff user in the "Network coordinators" group who is not a superuser; their networks are
networks.selectors.coordinated_network_ids(user). Other staff and superusers see everything.
"""

from django.db import models

from networks.selectors import coordinated_network_ids

COORDINATORS_GROUP = "Network coordinators"


def is_coordinator(user) -> bool:
    """A coordinator is limited to their networks; superusers and other staff see everything."""
    if user.is_superuser:
        return False
    cached = getattr(user, "_events_is_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATORS_GROUP).exists()
        user._events_is_coordinator = cached
    return cached


def network_ids_of(user) -> set[int]:
    cached = getattr(user, "_events_network_ids", None)
    if cached is None:
        cached = coordinated_network_ids(user)
        user._events_network_ids = cached
    return cached


class CoordinatorScope:
    """Limits a coordinator to the rows of their own networks. `network_path` leads from the row to a network id."""

    network_path = "network_id"
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if is_coordinator(request.user):
            queryset = queryset.filter(**{f"{self.network_path}__in": network_ids_of(request.user)})
        return queryset

    def _in_scope(self, request, obj) -> bool:
        if obj is None or not is_coordinator(request.user):
            return True
        value = obj
        for part in self.network_path.split("__"):
            value = getattr(value, part, None)
        return value in network_ids_of(request.user)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "network" and is_coordinator(request.user):
            kwargs["queryset"] = db_field.related_model.objects.filter(pk__in=network_ids_of(request.user))
            kwargs["required"] = True
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
