from django.contrib.auth.management import create_permissions
from django.db import migrations

INVITING = {"networks": {"invitation": ["view", "add"]}}


def invite_instead_of_adding(apps, schema_editor):
    from networks.coordinators import grant_coordinator_permissions

    # Permissions are normally created after all migrations; the invitation's are needed now.
    networks_app = apps.get_app_config("networks")
    networks_app.models_module = True
    create_permissions(networks_app, apps=apps, verbosity=0)
    networks_app.models_module = None
    group = grant_coordinator_permissions(INVITING, apps=apps)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="networks", codename="add_membership"))


def add_again(apps, schema_editor):
    from networks.coordinators import grant_coordinator_permissions

    group = grant_coordinator_permissions({"networks": {"membership": ["add"]}}, apps=apps)
    Permission = apps.get_model("auth", "Permission")
    group.permissions.remove(*Permission.objects.filter(content_type__app_label="networks", codename__endswith="_invitation"))


class Migration(migrations.Migration):
    dependencies = [("networks", "0004_invitation")]

    operations = [migrations.RunPython(invite_instead_of_adding, add_again)]
