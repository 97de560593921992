"""Every change to the self-assessments and to who may make them: starting, saving and publishing a county's
assessment, discarding a draft, naming and removing county editors, copying a checklist version.

Each service checks its rules before it writes anything, and writes its audit entry in the same transaction as
the change. A published assessment is never changed again: the row is locked and its status re-read before
every write, so that a save racing a publish cannot slip in after it.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from audit.services import record
from hyte_portal.errors import DomainError
from materials.fields import validate_web_address

from . import access, selectors
from .models import COUNTY_LABELS, Answer, Assessment, ChecklistItem, ChecklistVersion, CountyEditor, Rating

NOTE_MAX_LENGTH = Answer._meta.get_field("note").max_length

ERRORS = {
    "unknown_county": _("There is no county “%(county)s” among the wellbeing services counties."),
    "not_editor": _(
        "You are not an editor of the self-assessment of %(county)s. The HYTE staff name the editors of each county."
    ),
    "no_checklist": _("No checklist is in use yet, so an assessment cannot be started. Please contact the HYTE staff."),
    "published": _(
        "This assessment has been published and can no longer be changed. Start a new assessment to record changes."
    ),
    "empty": _("An empty assessment cannot be published. Rate the items first and save them."),
    "incomplete": ngettext_lazy(
        "%(count)d item has no rating yet. Rate every item before publishing; choose “Don't know” where you are "
        "not sure.",
        "%(count)d items have no rating yet. Rate every item before publishing; choose “Don't know” where you are "
        "not sure.",
        "count",
    ),
    "rating": _(
        "“%(rating)s” is not on the scale. Choose not in place, partly in place, in place, established or don't know."
    ),
    "evidence_url": _("The evidence link of “%(item)s” must be a web address that starts with http:// or https://."),
    "note_too_long": _("The note on “%(item)s” is longer than %(limit)d characters. Shorten it, please."),
    "future_date": _("The date of the assessment cannot be in the future."),
    "unknown_item": _(
        "The answers name an item that is not on this assessment's checklist. Reload the page and try again."
    ),
    "discard_published": _("Only a draft can be discarded: a published assessment stays in the county's history."),
    "already_editor": _("%(person)s is already an editor of %(county)s."),
}


class AssessmentError(DomainError):
    """A change to a self-assessment that the rules do not allow; `code` names the rule (a key of ERRORS)."""

    def __init__(self, code, **params):
        self.code = code
        self.params = params
        super().__init__(ERRORS[code] % params if params else ERRORS[code])


@dataclass(frozen=True)
class AnswerInput:
    """What a person gave for one item; all three empty means no answer."""

    rating: str = ""
    note: str = ""
    evidence_url: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.rating or self.note or self.evidence_url)


def start_assessment(*, county: str, user) -> Assessment:
    """The county's draft: the one its editors already share, or a new one on the checklist version in use.

    A new draft starts from the answers of the county's latest published assessment (matched by item key), so
    that a year later the editors change only what has changed. Raises AssessmentError if the user may not edit
    the county or no checklist is in use. Two editors starting at once get the same draft (a unique constraint
    allows one draft per county).
    """
    _ensure_may_edit(user, county)
    draft = Assessment.objects.filter(county=county, status=Assessment.Status.DRAFT).first()
    if draft is not None:
        return draft
    version = selectors.version_in_use()
    if version is None:
        raise AssessmentError("no_checklist")
    previous = selectors.published_assessments(county).first()
    now = timezone.now()
    try:
        with transaction.atomic():
            draft = Assessment.objects.create(
                county=county, version=version, created_by=user, updated_by=user, created_at=now, updated_at=now
            )
            copied = _copy_answers(previous, draft) if previous is not None else 0
            record(
                actor=user,
                action="assessment.started",
                obj=draft,
                details={
                    "county": county,
                    "version": version.pk,
                    "copied_from": previous.pk if previous else None,
                    "copied_answers": copied,
                },
            )
    except IntegrityError:
        return Assessment.objects.get(county=county, status=Assessment.Status.DRAFT)
    return draft


def _copy_answers(source: Assessment, target: Assessment) -> int:
    items_by_key = {item.key: item for item in ChecklistItem.objects.filter(group__version=target.version_id)}
    copies = [
        Answer(
            assessment=target,
            item=items_by_key[answer.item.key],
            rating=answer.rating,
            note=answer.note,
            evidence_url=answer.evidence_url,
        )
        for answer in source.answers.select_related("item")
        if answer.item.key in items_by_key
    ]
    Answer.objects.bulk_create(copies)
    return len(copies)


def save_draft(*, assessment: Assessment, user, assessed_on: dt.date, answers: dict[int, AnswerInput]) -> Assessment:
    """Store the draft's date and answers (item id -> AnswerInput); items left out or empty have no answer.

    Everything is checked before anything is written: the user edits the county, the assessment is still a draft,
    each item is on its checklist, each rating on the scale, each evidence link http(s). Raises AssessmentError.
    """
    _ensure_may_edit(user, assessment.county)
    _ensure_draft(assessment)
    if assessed_on > timezone.localdate():
        raise AssessmentError("future_date")
    items = {item.pk: item for item in ChecklistItem.objects.filter(group__version=assessment.version_id)}
    for item_id, answer in answers.items():
        _check_answer(items.get(item_id), answer)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _ensure_draft(locked)
        changed = _write_answers(locked, {item_id: a for item_id, a in answers.items() if not a.is_empty})
        locked.assessed_on = assessed_on
        locked.updated_at = timezone.now()
        locked.updated_by = user
        locked.save(update_fields=["assessed_on", "updated_at", "updated_by"])
        record(
            actor=user,
            action="assessment.draft_saved",
            obj=locked,
            details={
                "county": locked.county,
                "assessed_on": assessed_on,
                "changed_items": sorted(items[item_id].key for item_id in changed),
            },
        )
    return locked


def _check_answer(item: ChecklistItem | None, answer: AnswerInput) -> None:
    if item is None:
        raise AssessmentError("unknown_item")
    if answer.rating and answer.rating not in Rating.values:
        raise AssessmentError("rating", rating=answer.rating)
    if len(answer.note) > NOTE_MAX_LENGTH:
        raise AssessmentError("note_too_long", item=item.text, limit=NOTE_MAX_LENGTH)
    if answer.evidence_url:
        try:
            validate_web_address(answer.evidence_url)
        except ValidationError:
            raise AssessmentError("evidence_url", item=item.text) from None


def _write_answers(assessment: Assessment, answers: dict[int, AnswerInput]) -> set[int]:
    """Make the stored answers equal `answers`; returns the ids of the items whose answer changed."""
    stored = {answer.item_id: answer for answer in assessment.answers.all()}
    removed = set(stored) - set(answers)
    Answer.objects.filter(assessment=assessment, item_id__in=removed).delete()
    new, updated = [], []
    for item_id, given in answers.items():
        answer = stored.get(item_id)
        if answer is None:
            new.append(Answer(assessment=assessment, item_id=item_id, **vars(given)))
        elif (answer.rating, answer.note, answer.evidence_url) != (given.rating, given.note, given.evidence_url):
            answer.rating, answer.note, answer.evidence_url = given.rating, given.note, given.evidence_url
            updated.append(answer)
    Answer.objects.bulk_create(new)
    Answer.objects.bulk_update(updated, ["rating", "note", "evidence_url"])
    return removed | {answer.item_id for answer in new + updated}


def publish_assessment(*, assessment: Assessment, user) -> Assessment:
    """Publish the draft as the county's assessment on its date: from now on it is read-only.

    Refused (AssessmentError) if the user may not edit the county, the assessment is already published, it has
    no rated answer, or an item of its checklist has no rating ("don't know" counts as one).
    """
    _ensure_may_edit(user, assessment.county)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        _ensure_draft(locked)
        rated = locked.answers.exclude(rating="").count()
        if rated == 0:
            raise AssessmentError("empty")
        missing = ChecklistItem.objects.filter(group__version=locked.version_id).count() - rated
        if missing > 0:
            raise AssessmentError("incomplete", count=missing)
        if locked.assessed_on > timezone.localdate():
            raise AssessmentError("future_date")
        locked.status = Assessment.Status.PUBLISHED
        locked.published_at = timezone.now()
        locked.published_by = user
        locked.save(update_fields=["status", "published_at", "published_by"])
        record(
            actor=user,
            action="assessment.published",
            obj=locked,
            details={"county": locked.county, "assessed_on": locked.assessed_on, "version": locked.version_id},
        )
    return locked


def discard_draft(*, assessment: Assessment, user) -> None:
    """Delete a draft and its answers (an abandoned start); a published assessment is never deleted.

    The county's editors may, and staff who may delete assessments in the admin.
    """
    if not user.has_perm("leading.delete_assessment"):
        _ensure_may_edit(user, assessment.county)
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().filter(pk=assessment.pk).first()
        if locked is None:
            return
        if not locked.is_draft:
            raise AssessmentError("discard_published")
        record(actor=user, action="assessment.draft_discarded", obj=locked, details={"county": locked.county})
        locked.delete()


def add_county_editor(*, county: str, user, added_by) -> CountyEditor:
    """Let `user` fill in `county`'s self-assessment (staff decide this in the admin)."""
    if county not in COUNTY_LABELS:
        raise AssessmentError("unknown_county", county=county)
    try:
        with transaction.atomic():
            editor = CountyEditor.objects.create(county=county, user=user)
            record(actor=added_by, action="county_editor.added", obj=editor, person=user, details={"county": county})
    except IntegrityError:
        raise AssessmentError("already_editor", person=str(user), county=COUNTY_LABELS[county]) from None
    return editor


def remove_county_editor(*, editor: CountyEditor, removed_by) -> None:
    """Take away a person's right to fill in a county's self-assessment; what they wrote stays."""
    with transaction.atomic():
        record(
            actor=removed_by,
            action="county_editor.removed",
            obj=editor,
            person=editor.user,
            details={"county": editor.county},
        )
        editor.delete()


def copy_checklist_version(*, version: ChecklistVersion, actor) -> ChecklistVersion:
    """A new version with the same groups and items (keys kept), not yet in use: staff revise it, then date it."""
    with transaction.atomic():
        copy = ChecklistVersion(in_use_from=None)
        for language in settings.MODELTRANSLATION_LANGUAGES:
            with translation.override(language):
                title = getattr(version, f"title_{language}") or version.title
                setattr(copy, f"title_{language}", _("%(title)s (new version)") % {"title": title})
        copy.save()
        for group in version.groups.prefetch_related("items"):
            items = list(group.items.all())
            group.pk, group.id, group.version = None, None, copy
            group._state.adding = True
            group.save()
            for item in items:
                item.pk, item.id, item.group = None, None, group
                item._state.adding = True
            ChecklistItem.objects.bulk_create(items)
        record(actor=actor, action="checklist_version.copied", obj=copy, details={"copied_from": version.pk})
    return copy


def _ensure_may_edit(user, county: str) -> None:
    if county not in COUNTY_LABELS:
        raise AssessmentError("unknown_county", county=county)
    if not access.may_edit_county(user, county):
        raise AssessmentError("not_editor", county=COUNTY_LABELS[county])


def _ensure_draft(assessment: Assessment) -> None:
    if not assessment.is_draft:
        raise AssessmentError("published")
