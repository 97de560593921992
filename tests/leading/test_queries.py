"""The Leading HYTE pages run a fixed number of queries, whatever the number of counties, assessments and answers."""

import datetime as dt

import pytest
from django.utils import timezone

from leading.models import COUNTIES, Answer, Assessment, CountyEditor, GuidanceSection
from tests.helpers import count_queries
from tests.leading.factories import AssessmentFactory, items_of, make_checklist, publish_with
from tests.materials.factories import MaterialFactory

pytestmark = pytest.mark.django_db


def fill(version, *, counties: int, per_county: int):
    """`per_county` published assessments a year apart (and a draft) for each of the first `counties` counties."""
    today = timezone.localdate()
    ratings = ["in_place", "partly", "established", "not_in_place", "dont_know", "in_place"]
    for county, _label in COUNTIES[:counties]:
        for year in range(per_county):
            publish_with(version, county, ratings, assessed_on=today - dt.timedelta(days=365 * year + 1))
        if not Assessment.objects.filter(county=county, status="draft").exists():
            draft = AssessmentFactory(county=county, version=version, status="draft")
            Answer.objects.create(assessment=draft, item=items_of(version)[0], rating="partly")


@pytest.fixture
def version(db):
    return make_checklist(groups=2, items_per_group=3)


@pytest.mark.parametrize("viewer", ["member", "editor", "staff"])
def test_the_regional_table_runs_the_same_queries_for_one_county_and_for_all(client, version, viewer):
    from tests.factories import UserFactory

    user = UserFactory(is_staff=viewer == "staff", is_superuser=viewer == "staff")
    if viewer == "editor":
        CountyEditor.objects.create(county="hus", user=user)
    client.force_login(user)
    fill(version, counties=1, per_county=1)
    small = count_queries(client, "/fi/hyte/assessments/")
    fill(version, counties=len(COUNTIES), per_county=4)
    assert count_queries(client, "/fi/hyte/assessments/") == small
    assert small <= 10


def test_a_county_page_runs_the_same_queries_for_a_short_and_a_long_history(client, version, editor):
    client.force_login(editor)
    fill(version, counties=len(COUNTIES), per_county=1)
    pages = ["/fi/hyte/assessments/vantaa_kerava/", "/fi/hyte/assessments/hus/"]  # an editor's county, another
    small = [count_queries(client, page) for page in pages]
    fill(version, counties=len(COUNTIES), per_county=5)
    assert [count_queries(client, page) for page in pages] == small


def test_an_assessment_page_and_its_pdf_do_not_grow_with_the_history(member_client, version):
    fill(version, counties=1, per_county=1)
    latest = version.assessments.filter(status="published").order_by("-assessed_on").first()
    path = f"/fi/hyte/assessments/{latest.county}/{latest.pk}/"
    small = (count_queries(member_client, path), count_queries(member_client, f"{path}report.pdf"))
    fill(version, counties=1, per_county=4)
    latest = version.assessments.filter(status="published").order_by("-assessed_on", "-pk").first()
    path = f"/fi/hyte/assessments/{latest.county}/{latest.pk}/"
    assert (count_queries(member_client, path), count_queries(member_client, f"{path}report.pdf")) == small


def test_the_guidance_page_does_not_grow_with_sections_and_materials(client, version):
    def add_sections(count):
        for number in range(count):
            section = GuidanceSection.objects.create(
                key=f"s{GuidanceSection.objects.count()}", title_fi=f"Osa {number}"
            )
            section.materials.add(MaterialFactory(), MaterialFactory())

    add_sections(1)
    small = count_queries(client, "/fi/hyte/")
    add_sections(5)
    assert count_queries(client, "/fi/hyte/") == small
