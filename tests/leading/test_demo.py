import io

import pytest
from dateutil.relativedelta import relativedelta

from demo import leading as leading_demo
from leading.models import Assessment, ChecklistItem, ChecklistVersion, CountyEditor, GuidanceSection

pytestmark = pytest.mark.django_db


def counts():
    return (
        ChecklistVersion.objects.count(),
        ChecklistItem.objects.count(),
        CountyEditor.objects.count(),
        Assessment.objects.count(),
        GuidanceSection.objects.filter(materials__isnull=False).count(),
    )


def test_the_demo_has_the_checklist_two_counties_a_year_apart_and_a_draft(media_root):
    for key in ("elected-officials", "leadership-tools", "phases", "costs"):
        GuidanceSection.objects.create(key=key, title_fi=key)
    leading_demo.seed(io.StringIO())

    items = ChecklistItem.objects.all()
    assert items.count() == 13
    assert all(item.text_fi and item.text_sv and item.text_en and item.help_text_sv for item in items)
    for county in ("vantaa_kerava", "east_uusimaa"):
        published = list(Assessment.objects.filter(county=county, status="published").order_by("assessed_on"))
        assert len(published) == 2
        assert published[0].assessed_on + relativedelta(months=12) == published[1].assessed_on
        assert published[0].answers.count() == 13
    assert Assessment.objects.get(county="central_uusimaa").status == "draft"
    editors = CountyEditor.objects.values_list("user__email", flat=True)
    assert set(editors) == {"member@example.org", "editor.east@example.org", "editor.central@example.org"}
    assert GuidanceSection.objects.get(key="elected-officials").materials.get().title_sv.startswith("HYTE-guide")


def test_seeding_twice_changes_nothing(media_root):
    leading_demo.seed(io.StringIO())
    first = counts()
    out = io.StringIO()
    leading_demo.seed(out)
    assert counts() == first
    assert "leading assessments: 0 created, 5 already there" in out.getvalue()
