from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_group(apps, schema_editor):
    from networks.coordinators import ensure_coordinators_group

    # Permissions are normally created after all migrations; make sure they exist before the group needs them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_coordinators_group(apps)


def remove_group(apps, schema_editor):
    from networks.coordinators import COORDINATORS_GROUP

    apps.get_model("auth", "Group").objects.filter(name=COORDINATORS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0002_membership_status_since_and_role_uniqueness"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
