from django.contrib.auth.management import create_permissions
from django.db import migrations

# Coordinators read the audit entries of their own networks (networks.admin_scoping scopes the rows); nobody
# adds, changes or deletes an entry in the admin.
AUDIT_PERMISSIONS = {"audit": {"auditentry": ["view"]}}


def grant(apps, schema_editor):
    from networks.coordinators import grant_coordinator_permissions

    for app_config in apps.get_app_configs():  # permissions are normally created after all migrations
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_coordinator_permissions(AUDIT_PERMISSIONS, apps=apps)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name="Network coordinators"):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="audit"))


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("networks", "0003_network_coordinators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
