"""The "Network coordinators" group: who is scoped to their own networks in the admin, and what it may do there."""

from django.apps import apps as global_apps

COORDINATORS_GROUP = "Network coordinators"

# Model permissions the group gives, by app label and model name. Coordinators read and edit their own
# networks (not create or delete them), keep their contact roles, and decide on requests to join without deleting
# history. They do not add people to a network: they invite them, and the person accepts.
COORDINATOR_PERMISSIONS = {
    "networks": {
        "network": ["view", "change"],
        "networkrole": ["view", "add", "change", "delete"],
        "membership": ["view", "change"],
        "invitation": ["view", "add"],
    },
    "audit": {"auditentry": ["view"]},  # their networks' entries only (the admin scopes the rows)
}


def ensure_coordinators_group(apps=global_apps):
    """Create the group and give it its permissions; running it again changes nothing.

    Takes `apps` so that a data migration can call it with the historical models.
    """
    return grant_coordinator_permissions(COORDINATOR_PERMISSIONS, apps=apps)


def grant_coordinator_permissions(permissions: dict, apps=global_apps):
    """Give the "Network coordinators" group (created if missing) model permissions of another app too.

    `permissions` is shaped like COORDINATOR_PERMISSIONS: {app label: {model name: [actions]}}. Another app's
    data migration calls it with its historical `apps`, for example the events app for its events, after making
    sure the permissions exist (see this app's migration 0003). Permissions that do not exist are skipped.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    for app_label, models in permissions.items():
        codenames = [f"{action}_{model}" for model, actions in models.items() for action in actions]
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    return group


def is_scoped_coordinator(user) -> bool:
    """A staff user in the coordinators group who is not a superuser sees only their own networks' rows."""
    if not (user.is_authenticated and user.is_staff) or user.is_superuser:
        return False
    cached = getattr(user, "_networks_is_scoped_coordinator", None)
    if cached is None:
        cached = user.groups.filter(name=COORDINATORS_GROUP).exists()
        user._networks_is_scoped_coordinator = cached
    return cached
