from django.contrib.auth.management import create_permissions
from django.db import migrations

# What a network coordinator may do with their own networks' events in the admin (the rows are scoped by
# networks.admin.NetworkScopedAdminMixin). Enrolments are cancelled through the admin action, never deleted.
EVENT_PERMISSIONS = {
    "events": {
        "event": ["view", "add", "change"],
        "eventseries": ["view", "add", "change"],
        "eventsession": ["view", "add", "change", "delete"],
        "programmeitem": ["view", "add", "change", "delete"],
        "enrollment": ["view", "change"],
        "sessionattendance": ["view"],
        "certificate": ["view"],
    },
}


def grant(apps, schema_editor):
    from networks.coordinators import grant_coordinator_permissions

    for app_config in apps.get_app_configs():  # permissions are normally created after all migrations
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_coordinator_permissions(EVENT_PERMISSIONS, apps=apps)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Network coordinators"):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="events"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_sessions_attendance_certificates"),
        ("networks", "0003_network_coordinators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
