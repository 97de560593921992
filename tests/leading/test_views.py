import re

import pytest
from django.utils import timezone

from audit.models import AuditEntry
from leading.models import Answer, Assessment, CountyEditor, GuidanceSection
from tests.factories import UserFactory
from tests.leading.factories import AssessmentFactory, items_of, publish_with
from tests.materials.factories import MaterialFactory

pytestmark = pytest.mark.django_db

COUNTY = "/en/hyte/assessments/vantaa_kerava/"


def h1_count(html: str) -> int:
    return len(re.findall(r"<h1[ >]", html))


def draft_of(checklist, editor_client):
    response = editor_client.post(f"{COUNTY}start/")
    assert response.status_code == 302
    return Assessment.objects.get(county="vantaa_kerava", status="draft")


def post_form(client, assessment, ratings, *, publish=False, evidence=None, assessed_on=None):
    data = {"assessed_on": (assessed_on or timezone.localdate()).isoformat(), "publish" if publish else "save": "1"}
    for item, rating in zip(items_of(assessment.version), ratings, strict=True):
        data[f"rating_{item.pk}"] = rating
        data[f"note_{item.pk}"] = ""
        data[f"evidence_{item.pk}"] = (evidence or {}).get(item.key, "")
    return client.post(f"{COUNTY}{assessment.pk}/edit/", data, follow=True)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


# --- The guidance ------------------------------------------------------------------------------------------------
def test_the_guidance_is_public_with_its_sections_materials_and_checklist(client, checklist):
    section = GuidanceSection.objects.create(
        key="leadership-tools", order=1, title_en="Three kinds of leadership tools", body_en="- **Follow-up** tools"
    )
    public = MaterialFactory(title_en="The councillor's guide")
    members_only = MaterialFactory(title_en="Internal slides", visibility="members")
    section.materials.add(public, members_only)

    html = client.get("/en/hyte/").content.decode()
    assert h1_count(html) == 1
    assert '<h2 id="leadership-tools-heading">Three kinds of leadership tools</h2>' in html
    assert "<li><strong>Follow-up</strong> tools</li>" in html
    assert "The councillor&#x27;s guide" in html and "Internal slides" not in html
    assert items_of(checklist)[0].text_en in html
    assert "Log in to see the self-assessments" in html


def test_a_section_body_cannot_carry_a_script(client):
    GuidanceSection.objects.create(
        key="x", title_en="X", body_en="<script>alert(1)</script><a href='javascript:x'>a</a>"
    )
    html = client.get("/en/hyte/").content.decode()
    assert "<script>alert" not in html and "javascript:" not in html


def test_the_guidance_falls_back_to_finnish(client):
    GuidanceSection.objects.create(key="x", title_fi="Luottamushenkilöt", body_fi="Teksti.")
    assert "Luottamushenkilöt" in client.get("/sv/hyte/").content.decode()


# --- Who sees what -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "path", ["/fi/hyte/assessments/", "/fi/hyte/assessments/hus/", "/fi/hyte/assessments/answers.csv"]
)
def test_visitors_are_asked_to_log_in(client, checklist, path):
    response = client.get(path)
    assert response.status_code == 302 and response["Location"].startswith("/fi/accounts/login/")


def test_an_unknown_county_is_not_found(member_client, checklist):
    assert member_client.get("/en/hyte/assessments/lapland/").status_code == 404
    assert member_client.post("/en/hyte/assessments/other/start/").status_code == 404


def test_members_read_the_regional_table_and_county_pages_without_drafts(member_client, checklist):
    publish_with(checklist, "hus", ["in_place"] * 6)
    AssessmentFactory(county="vantaa_kerava", version=checklist, status="draft")
    table = member_client.get("/en/hyte/assessments/").content.decode()
    assert h1_count(table) == 1
    assert "<caption" in table and '<th scope="col">' in table and '<th scope="row">' in table
    assert '<td class="rating-in_place">In place</td>' in table
    assert 'name="on"' not in table and "answers.csv" not in table  # staff only
    county = member_client.get(COUNTY).content.decode()
    assert "has not published a self-assessment yet" in county
    assert "Continue the draft" not in county and "Start a new assessment" not in county


def test_counties_not_assessed_in_twelve_months_are_marked(member_client, checklist):
    today = timezone.localdate()
    publish_with(
        checklist, "hus", ["in_place"] * 6, assessed_on=today.replace(year=today.year - 1) - timezone.timedelta(days=2)
    )
    publish_with(checklist, "helsinki", ["in_place"] * 6, assessed_on=today - timezone.timedelta(days=300))
    html = member_client.get("/en/hyte/assessments/").content.decode()
    marked = re.search(r"No published assessment in the 12 months before the date:</strong>(.*?)</p>", html, re.S)
    assert "HUS Helsinki University Hospital" in marked.group(1)
    assert "City of Helsinki" not in marked.group(1)
    assert html.count("Not assessed in 12 months") == 5


def test_staff_filter_the_regional_table_by_date(client, staff_user, checklist):
    today = timezone.localdate()
    publish_with(checklist, "hus", ["partly"] * 6, assessed_on=today - timezone.timedelta(days=100))
    publish_with(checklist, "hus", ["established"] * 6, assessed_on=today - timezone.timedelta(days=10))
    client.force_login(staff_user)
    now = client.get("/en/hyte/assessments/").content.decode()
    assert "Established" in now and '<td class="rating-partly">' not in now
    then = client.get(f"/en/hyte/assessments/?on={(today - timezone.timedelta(days=50)).isoformat()}").content.decode()
    assert '<td class="rating-partly">Partly in place</td>' in then and '<td class="rating-established">' not in then
    assert client.get("/en/hyte/assessments/?on=not-a-date").status_code == 200


def test_the_csv_is_for_staff_only(member_client, client, staff_user, checklist):
    publish_with(checklist, "hus", ["in_place"] * 6)
    assert member_client.get("/en/hyte/assessments/answers.csv").status_code == 403
    assert member_client.get("/en/hyte/assessments/hus/answers.csv").status_code == 403
    client.force_login(staff_user)
    response = client.get("/en/hyte/assessments/hus/answers.csv")
    assert response.status_code == 200
    assert response.content.decode("utf-8-sig").count("HUS Helsinki University Hospital") == 6


def test_a_csv_cell_cannot_run_as_a_formula(client, staff_user, checklist):
    assessment = publish_with(checklist, "hus", ["in_place"] * 6)
    Answer.objects.filter(assessment=assessment).update(note='=HYPERLINK("http://x")')
    client.force_login(staff_user)
    assert "'=HYPERLINK" in client.get("/en/hyte/assessments/answers.csv").content.decode("utf-8-sig")


def test_members_download_the_pdf_but_not_of_a_draft(member_client, checklist):
    published = publish_with(checklist, "vantaa_kerava", ["in_place"] * 6)
    draft = AssessmentFactory(county="hus", version=checklist, status="draft")
    response = member_client.get(f"{COUNTY}{published.pk}/report.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert member_client.get(f"/en/hyte/assessments/hus/{draft.pk}/report.pdf").status_code == 404
    assert member_client.get(f"/en/hyte/assessments/hus/{published.pk}/").status_code == 404  # not of that county


def test_a_note_with_any_characters_prints(member_client, checklist):
    published = publish_with(checklist, "vantaa_kerava", ["in_place"] * 6)
    Answer.objects.filter(assessment=published).update(note='<b>≥ 50 %</b> & 😀 "quoted"\nline two')
    assert member_client.get(f"{COUNTY}{published.pk}/report.pdf").status_code == 200


# --- Editing: the editor's way, and the bad inputs -----------------------------------------------------------------
def test_the_editor_sees_the_form_with_a_label_on_every_field(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    html = editor_client.get(f"{COUNTY}{draft.pk}/edit/").content.decode()
    assert h1_count(html) == 1
    field_ids = re.findall(r'<(?:input|textarea)[^>]* id="([^"]+)"', html)
    assert field_ids
    for field_id in field_ids:
        assert f'for="{field_id}"' in html, field_id
    assert html.count("<legend>") == 2 * len(items_of(checklist))


def test_an_editor_of_another_county_gets_a_message_and_changes_nothing(client, checklist, editor):
    other = UserFactory()
    CountyEditor.objects.create(county="hus", user=other)
    client.force_login(editor)
    draft = draft_of(checklist, client)
    client.force_login(other)

    response = client.get(f"{COUNTY}{draft.pk}/edit/", follow=True)
    assert "You are not an editor of the self-assessment of Vantaa and Kerava" in response.content.decode()
    response = post_form(client, draft, ["established"] * 6, publish=True)
    assert response.status_code == 200
    assert "You are not an editor" in response.content.decode()
    start = client.post(f"{COUNTY}start/", follow=True)
    assert "You are not an editor" in start.content.decode()
    discard = client.post(f"{COUNTY}{draft.pk}/discard/", follow=True)
    assert "You are not an editor" in discard.content.decode()
    draft.refresh_from_db()
    assert draft.is_draft and not draft.answers.exists()


def test_publishing_an_empty_assessment_shows_a_message(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = post_form(editor_client, draft, [""] * 6, publish=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "An empty assessment cannot be published" in html
    draft.refresh_from_db()
    assert draft.is_draft and not draft.answers.exists()


def test_a_rating_outside_the_scale_is_refused_by_the_form(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = post_form(editor_client, draft, ["excellent"] + ["in_place"] * 5, publish=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in html and 'role="alert"' in html
    draft.refresh_from_db()
    assert draft.is_draft and not draft.answers.exists()


def test_an_evidence_link_that_is_not_http_is_refused_by_the_form(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = post_form(editor_client, draft, ["in_place"] * 6, evidence={"g0-i0": "javascript:alert(1)"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Only web addresses that start with http:// or https:// are allowed." in html
    assert not draft.answers.exists()


def test_a_published_assessment_cannot_be_edited(editor_client, checklist):
    published = publish_with(checklist, "vantaa_kerava", ["partly"] * 6)
    before = list(published.answers.values_list("rating", flat=True))
    response = post_form(editor_client, published, ["established"] * 6, publish=True)
    assert response.status_code == 200
    assert "This assessment has been published and can no longer be changed." in response.content.decode()
    assert response.redirect_chain[-1][0] == f"{COUNTY}{published.pk}/"
    assert list(published.answers.values_list("rating", flat=True)) == before


def test_a_future_date_is_refused(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = post_form(
        editor_client, draft, ["in_place"] * 6, assessed_on=timezone.localdate() + timezone.timedelta(days=3)
    )
    assert "cannot be in the future" in response.content.decode()
    assert not draft.answers.exists()


def test_publishing_with_missing_ratings_keeps_the_draft_saved(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = post_form(editor_client, draft, ["in_place"] * 4 + ["", ""], publish=True)
    html = response.content.decode()
    assert "2 items have no rating yet" in html and "Your answers were saved as a draft." in html
    draft.refresh_from_db()
    assert draft.is_draft and draft.answers.count() == 4


def test_the_editor_discards_a_draft(editor_client, checklist):
    draft = draft_of(checklist, editor_client)
    response = editor_client.post(f"{COUNTY}{draft.pk}/discard/", follow=True)
    assert "The draft was discarded." in response.content.decode()
    assert not Assessment.objects.exists()
    assert AuditEntry.objects.filter(action="assessment.draft_discarded").exists()


def test_only_post_starts_an_assessment(editor_client, checklist):
    assert editor_client.get(f"{COUNTY}start/").status_code == 405
    assert not Assessment.objects.exists()
