from django.db import migrations


def create_pages(apps, schema_editor):
    from pages.services import create_missing_pages

    create_missing_pages(apps)


class Migration(migrations.Migration):
    """The four pages with their first texts, so that a fresh installation has them; staff edit them after."""

    dependencies = [("pages", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
