"""The "Network coordinators" group: who is scoped to their own networks in the admin, and what it may do there."""

from django.apps import apps as global_apps

COORDINATORS_GROUP = "Network coordinators"

# Model permissions the group gives, by app label and model name. Coordinators read and edit their own
# networks (not create or delete them), keep their contact roles, and manage memberships without deleting history.
COORDINATOR_PERMISSIONS = {
    "networks": {
        "network": ["view", "change"],
        "networkrole": ["view", "add", "change", "delete"],
        "membership": ["view", "add", "change"],
    },
}


def ensure_coordinators_group(apps=global_apps):
    """Create the group and give it its permissions; running it again changes nothing.

    Takes `apps` so that a data migration can call it with the historical models.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=COORDINATORS_GROUP)
    codenames = [
        (app_label, f"{action}_{model}")
        for app_label, models in COORDINATOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    ]
    for app_label, codename in codenames:
        permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
        if permission is not None:
            group.permissions.add(permission)
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
