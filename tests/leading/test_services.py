import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from audit.models import AuditEntry
from leading import services
from leading.models import Answer, Assessment, ChecklistItem, CountyEditor
from leading.services import AnswerInput, AssessmentError
from tests.factories import UserFactory
from tests.leading.factories import AssessmentFactory, ChecklistItemFactory, items_of, make_checklist, publish_with

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


@pytest.fixture(autouse=True)
def in_english():
    """The messages below are asserted in English (the suite resets the language after each test)."""
    translation.activate("en")


def all_rated(version, rating="in_place"):
    return {item.pk: AnswerInput(rating=rating) for item in items_of(version)}


def answer_rows(assessment):
    return sorted(
        Answer.objects.filter(assessment=assessment).values_list("item__key", "rating", "note", "evidence_url")
    )


def test_an_editor_starts_saves_and_publishes_an_assessment(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    answers = all_rated(checklist)
    first = items_of(checklist)[0]
    answers[first.pk] = AnswerInput(rating="partly", note="Valmisteilla.", evidence_url="https://example.org/plan")
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)
    published = services.publish_assessment(assessment=draft, user=editor)

    published.refresh_from_db()
    assert published.status == Assessment.Status.PUBLISHED
    assert published.published_by == editor and published.published_at is not None
    assert published.version == checklist
    assert Answer.objects.get(assessment=published, item=first).evidence_url == "https://example.org/plan"


def test_each_change_is_in_the_audit_trail(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=all_rated(checklist))
    services.publish_assessment(assessment=draft, user=editor)

    entries = AuditEntry.objects.filter(object_type="leading.assessment", object_id=str(draft.pk)).order_by("pk")
    assert [entry.action for entry in entries] == [
        "assessment.started",
        "assessment.draft_saved",
        "assessment.published",
    ]
    assert all(entry.actor == editor for entry in entries)
    assert entries[1].details["changed_items"] == sorted(item.key for item in items_of(checklist))
    assert entries[2].details["county"] == "vantaa_kerava"


def test_the_editors_of_a_county_share_one_draft(checklist, editor):
    colleague = UserFactory()
    CountyEditor.objects.create(county="vantaa_kerava", user=colleague)
    first = services.start_assessment(county="vantaa_kerava", user=editor)
    assert services.start_assessment(county="vantaa_kerava", user=colleague) == first
    assert Assessment.objects.filter(county="vantaa_kerava").count() == 1


def test_a_new_draft_starts_from_the_latest_published_answers(checklist, editor):
    publish_with(
        checklist, "vantaa_kerava", ["in_place"] * 3 + ["partly"] * 3, assessed_on=TODAY() - dt.timedelta(days=400)
    )
    previous = publish_with(
        checklist, "vantaa_kerava", ["established"] * 6, assessed_on=TODAY() - dt.timedelta(days=30)
    )
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    assert [rating for _key, rating, *_ in answer_rows(draft)] == ["established"] * 6
    assert draft.pk != previous.pk


def test_a_draft_on_a_revised_checklist_keeps_the_answers_of_the_items_kept(checklist, editor, staff_user):
    publish_with(checklist, "vantaa_kerava", ["partly"] * 6, assessed_on=TODAY() - dt.timedelta(days=30))
    revised = services.copy_checklist_version(version=checklist, actor=staff_user)
    ChecklistItem.objects.filter(group__version=revised, key="g0-i0").delete()
    ChecklistItemFactory(group=revised.groups.first(), key="new-item")
    revised.in_use_from = TODAY()
    revised.save()

    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    assert draft.version == revised
    assert [key for key, *_ in answer_rows(draft)] == ["g0-i1", "g0-i2", "g1-i0", "g1-i1", "g1-i2"]


def test_copying_a_version_keeps_groups_items_and_keys_and_is_not_yet_in_use(checklist, staff_user):
    copy = services.copy_checklist_version(version=checklist, actor=staff_user)
    assert copy.in_use_from is None
    assert [item.key for item in items_of(copy)] == [item.key for item in items_of(checklist)]
    assert copy.title_sv.startswith(checklist.title_sv) and copy.title_sv != checklist.title_sv
    assert AuditEntry.objects.filter(action="checklist_version.copied", object_id=str(copy.pk)).exists()


def test_saving_again_records_only_the_items_that_changed(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    answers = all_rated(checklist)
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)
    items = items_of(checklist)
    answers[items[1].pk] = AnswerInput(rating="established")
    answers[items[4].pk] = AnswerInput()  # cleared: no answer any more
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)

    last = AuditEntry.objects.filter(action="assessment.draft_saved").order_by("-pk").first()
    assert last.details["changed_items"] == sorted([items[1].key, items[4].key])
    assert not Answer.objects.filter(assessment=draft, item=items[4]).exists()


# --- Bad input: a clear message, nothing changed ------------------------------------------------------------------
def test_an_editor_of_another_county_cannot_start_or_change_its_assessment(checklist, editor):
    other_county_editor = UserFactory()
    CountyEditor.objects.create(county="east_uusimaa", user=other_county_editor)
    with pytest.raises(AssessmentError) as refused:
        services.start_assessment(county="vantaa_kerava", user=other_county_editor)
    assert refused.value.code == "not_editor"
    assert "Vantaa and Kerava" in str(refused.value.message)

    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    entries = AuditEntry.objects.count()
    with pytest.raises(AssessmentError):
        services.save_draft(
            assessment=draft, user=other_county_editor, assessed_on=TODAY(), answers=all_rated(checklist)
        )
    with pytest.raises(AssessmentError):
        services.publish_assessment(assessment=draft, user=other_county_editor)
    assert answer_rows(draft) == [] and AuditEntry.objects.count() == entries


def test_a_member_who_is_no_editor_cannot_start_one(checklist):
    with pytest.raises(AssessmentError, match="not an editor"):
        services.start_assessment(county="vantaa_kerava", user=UserFactory())
    assert not Assessment.objects.exists()


def test_publishing_an_empty_assessment_is_refused(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    with pytest.raises(AssessmentError) as refused:
        services.publish_assessment(assessment=draft, user=editor)
    assert refused.value.code == "empty"
    draft.refresh_from_db()
    assert draft.status == Assessment.Status.DRAFT
    assert not AuditEntry.objects.filter(action="assessment.published").exists()


def test_publishing_with_unrated_items_says_how_many(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    answers = all_rated(checklist)
    for item in items_of(checklist)[:2]:
        answers[item.pk] = AnswerInput(note="Selvitetään.")
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)
    with pytest.raises(AssessmentError) as refused:
        services.publish_assessment(assessment=draft, user=editor)
    assert refused.value.code == "incomplete"
    assert "2 items have no rating" in str(refused.value.message)
    draft.refresh_from_db()
    assert draft.is_draft


def test_a_rating_outside_the_scale_is_refused_and_nothing_is_saved(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    answers = all_rated(checklist)
    answers[items_of(checklist)[3].pk] = AnswerInput(rating="excellent")
    with pytest.raises(AssessmentError) as refused:
        services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)
    assert refused.value.code == "rating"
    assert "“excellent” is not on the scale" in str(refused.value.message)
    assert answer_rows(draft) == []


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", "ftp://example.org/plan.pdf", "file:///etc/passwd", "data:text/html,hi", "www"]
)
def test_an_evidence_link_that_is_not_http_is_refused(checklist, editor, link):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    answers = all_rated(checklist)
    answers[items_of(checklist)[0].pk] = AnswerInput(rating="in_place", evidence_url=link)
    with pytest.raises(AssessmentError) as refused:
        services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=answers)
    assert refused.value.code == "evidence_url"
    assert answer_rows(draft) == []


def test_a_published_assessment_cannot_be_changed(checklist, editor):
    published = publish_with(checklist, "vantaa_kerava", ["partly"] * 6)
    before = answer_rows(published)
    with pytest.raises(AssessmentError) as refused:
        services.save_draft(
            assessment=published, user=editor, assessed_on=TODAY(), answers=all_rated(checklist, "established")
        )
    assert refused.value.code == "published"
    with pytest.raises(AssessmentError):
        services.publish_assessment(assessment=published, user=editor)
    with pytest.raises(AssessmentError):
        services.discard_draft(assessment=published, user=editor)
    assert answer_rows(published) == before
    assert Assessment.objects.filter(pk=published.pk, status="published").exists()


def test_a_stale_copy_of_a_draft_published_meanwhile_cannot_be_saved(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    stale = Assessment.objects.get(pk=draft.pk)
    services.save_draft(assessment=draft, user=editor, assessed_on=TODAY(), answers=all_rated(checklist))
    services.publish_assessment(assessment=draft, user=editor)
    with pytest.raises(AssessmentError, match="published"):
        services.save_draft(assessment=stale, user=editor, assessed_on=TODAY(), answers=all_rated(checklist, "partly"))
    assert {rating for _key, rating, *_ in answer_rows(draft)} == {"in_place"}


def test_an_item_of_another_checklist_and_a_future_date_are_refused(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    stranger = ChecklistItemFactory()
    with pytest.raises(AssessmentError, match="not on this assessment's checklist"):
        services.save_draft(
            assessment=draft, user=editor, assessed_on=TODAY(), answers={stranger.pk: AnswerInput(rating="in_place")}
        )
    with pytest.raises(AssessmentError, match="future"):
        services.save_draft(
            assessment=draft, user=editor, assessed_on=TODAY() + dt.timedelta(days=1), answers=all_rated(checklist)
        )
    assert answer_rows(draft) == []


def test_no_assessment_starts_without_a_checklist_in_use(editor):
    make_checklist(in_use_from=None)
    with pytest.raises(AssessmentError, match="No checklist is in use"):
        services.start_assessment(county="vantaa_kerava", user=editor)


def test_staff_may_fill_in_any_county(checklist, staff_user):
    draft = services.start_assessment(county="hus", user=staff_user)
    services.save_draft(assessment=draft, user=staff_user, assessed_on=TODAY(), answers=all_rated(checklist))
    assert services.publish_assessment(assessment=draft, user=staff_user).status == "published"


def test_a_draft_can_be_discarded_with_an_audit_entry(checklist, editor):
    draft = services.start_assessment(county="vantaa_kerava", user=editor)
    services.discard_draft(assessment=draft, user=editor)
    assert not Assessment.objects.exists()
    assert AuditEntry.objects.filter(action="assessment.draft_discarded", object_id=str(draft.pk)).exists()


def test_naming_and_removing_an_editor_is_audited(staff_user):
    member = UserFactory()
    editor = services.add_county_editor(county="hus", user=member, added_by=staff_user)
    with pytest.raises(AssessmentError, match="already an editor"):
        services.add_county_editor(county="hus", user=member, added_by=staff_user)
    with pytest.raises(AssessmentError):
        services.add_county_editor(county="other", user=member, added_by=staff_user)
    services.remove_county_editor(editor=editor, removed_by=staff_user)

    assert not CountyEditor.objects.exists()
    actions = list(AuditEntry.objects.filter(person=member).order_by("pk").values_list("action", "actor"))
    assert actions == [("county_editor.added", staff_user.pk), ("county_editor.removed", staff_user.pk)]


def test_the_database_holds_at_most_one_draft_per_county(checklist):
    AssessmentFactory(county="vantaa_kerava", version=checklist, status="draft")
    with pytest.raises(IntegrityError), transaction.atomic():
        AssessmentFactory(county="vantaa_kerava", version=checklist, status="draft")
