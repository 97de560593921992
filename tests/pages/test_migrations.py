"""A fresh installation has the four pages with their texts in three languages, from the data migration."""

import importlib

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from pages.models import ContentPage

pytestmark = pytest.mark.django_db

DATA_MIGRATION = ("pages", "0002_initial_content")


@pytest.fixture(autouse=True)
def migrations_visible(settings):
    settings.MIGRATION_MODULES = {}  # the suite runs with --no-migrations, which hides them from the loader


def run_data_migration():
    """The data migration's step with the historical models it runs with (the test database skips migrations)."""
    apps = MigrationLoader(connection).project_state(DATA_MIGRATION).apps
    module = importlib.import_module("pages.migrations.0002_initial_content")
    module.create_pages(apps, None)  # the step writes rows only; it never touches the schema editor


def test_the_data_migration_writes_the_four_pages_in_three_languages():
    ContentPage.objects.all().delete()
    run_data_migration()
    titles = {page.kind: (page.title_fi, page.title_sv, page.title_en) for page in ContentPage.objects.all()}
    assert titles == {
        "privacy": ("Tietosuojaseloste", "Dataskyddsbeskrivning", "Privacy notice"),
        "accessibility": ("Saavutettavuusseloste", "Tillgänglighetsutlåtande", "Accessibility statement"),
        "contact": ("Yhteystiedot ja palaute", "Kontakt och respons", "Contact and feedback"),
        "about": ("Tietoa portaalista", "Om portalen", "About the portal"),
    }
    accessibility = ContentPage.objects.get(kind="accessibility")
    assert accessibility.compliance_status == "partially"
    assert "saavutettavuus@avi.fi" in accessibility.supervisor_contact_sv
    assert ContentPage.objects.get(kind="privacy").contact_email.endswith("@example.org")


def test_running_it_again_keeps_what_staff_wrote(content_pages):
    page = content_pages["privacy"]
    page.title_en = "Privacy notice (edited)"
    page.save()
    run_data_migration()
    assert ContentPage.objects.get(kind="privacy").title_en == "Privacy notice (edited)"
    assert ContentPage.objects.count() == 4
