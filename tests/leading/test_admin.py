import pytest

from audit.models import AuditEntry
from leading.models import Assessment, ChecklistVersion, CountyEditor
from tests.factories import UserFactory
from tests.leading.factories import AssessmentFactory, publish_with

pytestmark = pytest.mark.django_db


def test_staff_open_every_leading_page_of_the_admin(staff_client, checklist, editor):
    publish_with(checklist, "hus", ["in_place"] * 6)
    group = checklist.groups.first()
    for path in [
        "/admin/leading/",
        "/admin/leading/guidancesection/",
        "/admin/leading/guidancesection/add/",
        "/admin/leading/checklistversion/",
        f"/admin/leading/checklistversion/{checklist.pk}/change/",
        "/admin/leading/checklistgroup/",
        f"/admin/leading/checklistgroup/{group.pk}/change/",
        "/admin/leading/countyeditor/",
        "/admin/leading/countyeditor/add/",
        "/admin/leading/assessment/",
        f"/admin/leading/assessment/{Assessment.objects.get().pk}/change/",
        "/admin/leading/assessment/?status__exact=published&county__exact=hus",
    ]:
        assert staff_client.get(path).status_code == 200, path


def test_a_published_assessment_is_read_only_and_kept(staff_client, checklist):
    published = publish_with(checklist, "hus", ["in_place"] * 6)
    html = staff_client.get(f"/admin/leading/assessment/{published.pk}/change/").content.decode()
    assert 'name="_save"' not in html and "In place" in html
    assert staff_client.get(f"/admin/leading/assessment/{published.pk}/delete/").status_code == 403
    staff_client.post(
        "/admin/leading/assessment/",
        {"action": "delete_selected", "_selected_action": [published.pk], "post": "yes"},
    )
    assert Assessment.objects.filter(pk=published.pk).exists()


def test_staff_discard_a_draft_in_the_admin_with_an_audit_entry(staff_client, checklist):
    draft = AssessmentFactory(county="hus", version=checklist, status="draft")
    response = staff_client.post(f"/admin/leading/assessment/{draft.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Assessment.objects.exists()
    assert AuditEntry.objects.filter(action="assessment.draft_discarded", object_id=str(draft.pk)).exists()


def test_the_answers_export_as_csv_from_the_admin(staff_client, checklist):
    assessment = publish_with(checklist, "hus", ["partly"] * 6)
    response = staff_client.post(
        "/admin/leading/assessment/", {"action": "export_answers", "_selected_action": [assessment.pk]}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").count("partly") == 6


def test_naming_and_removing_an_editor_in_the_admin_is_audited(staff_client):
    member = UserFactory()
    response = staff_client.post("/admin/leading/countyeditor/add/", {"county": "west_uusimaa", "user": member.pk})
    assert response.status_code == 302
    editor = CountyEditor.objects.get(user=member, county="west_uusimaa")
    again = staff_client.post("/admin/leading/countyeditor/add/", {"county": "west_uusimaa", "user": member.pk})
    assert again.status_code == 200 and CountyEditor.objects.count() == 1
    staff_client.post(f"/admin/leading/countyeditor/{editor.pk}/delete/", {"post": "yes"})
    assert not CountyEditor.objects.exists()
    assert list(AuditEntry.objects.filter(person=member).order_by("pk").values_list("action", flat=True)) == [
        "county_editor.added",
        "county_editor.removed",
    ]


def test_an_answered_checklist_is_locked_and_copied_for_revision(staff_client, checklist):
    publish_with(checklist, "hus", ["in_place"] * 6)
    group = checklist.groups.first()
    html = staff_client.get(f"/admin/leading/checklistgroup/{group.pk}/change/").content.decode()
    assert 'name="_save"' not in html and "Assessments have answered this checklist version" in html
    assert staff_client.get(f"/admin/leading/checklistversion/{checklist.pk}/delete/").status_code == 403
    response = staff_client.post(
        "/admin/leading/checklistversion/", {"action": "copy_as_new_version", "_selected_action": [checklist.pk]}
    )
    assert response.status_code == 302
    copy = ChecklistVersion.objects.exclude(pk=checklist.pk).get()
    assert copy.in_use_from is None
    copy_group = copy.groups.first()
    html = staff_client.get(f"/admin/leading/checklistgroup/{copy_group.pk}/change/").content.decode()
    assert 'name="_save"' in html


def test_network_coordinators_have_no_access_to_leading_hyte(coordinator_client, checklist):
    assert coordinator_client.get("/admin/leading/assessment/").status_code == 403
    assert coordinator_client.get("/fi/hyte/assessments/answers.csv").status_code == 403
    assert coordinator_client.get("/fi/hyte/assessments/").status_code == 200  # as a member
