"""The CSV of self-assessment answers that staff download, from the county page or from the admin."""

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hyte_portal.csv_export import csv_response

from .models import Answer

HEADER = [
    _("county"),
    _("assessment"),
    _("status"),
    _("date of the assessment"),
    _("published"),
    _("checklist version"),
    _("group"),
    _("item key"),
    _("item"),
    _("rating"),
    _("rating code"),
    _("note"),
    _("evidence link"),
]


def _row(answer: Answer) -> list:
    assessment = answer.assessment
    published = timezone.localtime(assessment.published_at) if assessment.published_at else None
    return [
        assessment.get_county_display(),
        assessment.pk,
        assessment.get_status_display(),
        assessment.assessed_on.isoformat(),
        published.strftime("%Y-%m-%d %H:%M") if published else "",
        assessment.version.title,
        answer.item.group.title,
        answer.item.key,
        answer.item.text,
        answer.get_rating_display(),
        answer.rating,
        answer.note,
        answer.evidence_url,
    ]


def answers_csv_response(answers: QuerySet[Answer], *, name: str) -> HttpResponse:
    """`answers` from selectors.answers_for_export(); the file is called hyte-assessments-<name>-<date>.csv."""
    rows = (_row(answer) for answer in answers.iterator(chunk_size=2000))
    filename = f"hyte-assessments-{name}-{timezone.localdate().isoformat()}.csv"
    return csv_response(filename=filename, header=HEADER, rows=rows)
