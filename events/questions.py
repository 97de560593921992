"""The enrolment questions of an event (dietary needs and the like): their format, checked when staff save the
event, and their labels in the active language."""

from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def question_label(question) -> str:
    """The question's label in the active language, else in Finnish, else any, else its key."""
    label = question.get("label", "")
    if isinstance(label, dict):
        return label.get(get_language() or "fi") or label.get("fi") or next(iter(label.values()), question["key"])
    return label or question["key"]


def validate_questions(questions):
    """Questions are a list of {"key": "diet", "label": {"fi": ..., "sv": ..., "en": ...}, "required": false}.

    `"onsite": true` marks a question (dietary needs, accessibility on site) that only on-site participants are
    asked; at a hybrid event those taking part online skip it.
    """
    message = _(
        'Write the questions as a list such as [{"key": "diet", "label": {"fi": "Ruokavalio", "sv": "Specialkost", '
        '"en": "Dietary needs"}, "required": false}].'
    )
    if questions in (None, ""):
        return
    if not isinstance(questions, list):
        raise ValidationError(message)
    keys = set()
    for question in questions:
        if not isinstance(question, dict) or not isinstance(question.get("key"), str) or not question["key"].strip():
            raise ValidationError(message)
        label = question.get("label", "")
        if not isinstance(label, str | dict) or (
            isinstance(label, dict) and not all(isinstance(value, str) for value in label.values())
        ):
            raise ValidationError(message)
        if not isinstance(question.get("onsite", False), bool):
            raise ValidationError(message)
        if question["key"] in keys:
            raise ValidationError(_("Each question needs its own key."))
        keys.add(question["key"])
