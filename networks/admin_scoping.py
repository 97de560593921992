"""The admin's one coordinator scope: a network coordinator sees and manages only their own networks' rows.

Every app's ModelAdmin that holds network data mixes in NetworkScopedAdminMixin (networks, memberships, events,
series, enrolments...), so that the rule lives in one place.
"""

from django.http import Http404

from .coordinators import is_scoped_coordinator
from .models import Network
from .selectors import coordinated_network_ids


class NetworkScopedAdminMixin:
    """Scope a ModelAdmin to the networks a coordinator holds a role in; superusers and other staff see all.

    `network_field` is the lookup path from the model to its network: "network" for a membership, "id" for the
    network itself, "event__network" or "networks" (many-to-many) elsewhere. For a scoped coordinator the changelist
    shows only rows of their networks, foreign-key and many-to-many choices of networks offer only their networks,
    and another network's row is not found (404), exactly as a row that does not exist, whether it is opened,
    changed or deleted by its URL or handed to a permission check: a coordinator cannot tell the two apart.
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
        """The row, from the coordinator's scope only; for a coordinator, a row outside it or missing is a 404.

        (The admin itself answers a missing row with a redirect to the list, and its permission checks a foreign
        row with 403: either would tell a coordinator that another network's row exists.)
        """
        obj = super().get_object(request, object_id, from_field)
        if obj is None and self.coordinated_ids(request) is not None:
            raise Http404
        return obj

    def _ensure_in_scope(self, request, obj) -> None:
        """Raise Http404 if a coordinator asks about a row of another network: a view that loaded the row
        by itself and checks the permission answers as get_object would."""
        ids = self.coordinated_ids(request)
        if ids is None or obj is None:
            return
        if not self.model._default_manager.filter(pk=obj.pk, **{f"{self.network_field}__in": ids}).exists():
            raise Http404

    def has_view_permission(self, request, obj=None):
        self._ensure_in_scope(request, obj)
        return super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        self._ensure_in_scope(request, obj)
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        self._ensure_in_scope(request, obj)
        return super().has_delete_permission(request, obj)

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
