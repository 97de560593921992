"""Reads that the Leading HYTE pages, the PDF and the CSV share: the checklist in use, the regional table, a
county's history and comparison, an assessment's answers.

Each read runs a fixed number of queries, whatever the number of counties, assessments and answers.
"""

import datetime as dt
from dataclasses import dataclass, field

from dateutil.relativedelta import relativedelta
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from materials.selectors import materials_visible_to

from .comparison import InPlaceShare, RatingShown, compare_items, in_place_share
from .models import COUNTIES, Answer, Assessment, ChecklistGroup, ChecklistItem, ChecklistVersion, GuidanceSection

# A county whose latest published assessment is older than this is marked on the regional table.
ASSESSMENT_INTERVAL = relativedelta(months=12)


def guidance_sections(user) -> list[GuidanceSection]:
    """The guidance page's sections with the materials the user may open (two queries)."""
    visible = materials_visible_to(user).order_by("title")
    return list(GuidanceSection.objects.prefetch_related(Prefetch("materials", visible, to_attr="visible_materials")))


def version_in_use(on: dt.date | None = None) -> ChecklistVersion | None:
    """The checklist version that new assessments answer on the date (today by default)."""
    on = on or timezone.localdate()
    return ChecklistVersion.objects.filter(in_use_from__lte=on).order_by("-in_use_from").first()


def checklist(version: ChecklistVersion) -> list[ChecklistGroup]:
    """The version's groups in order, each with `item_list` in order (two queries)."""
    items = Prefetch("items", queryset=ChecklistItem.objects.order_by("order", "pk"), to_attr="item_list")
    return list(version.groups.order_by("order", "pk").prefetch_related(items))


def published_assessments(county: str) -> QuerySet[Assessment]:
    """The county's published assessments, newest first."""
    return Assessment.objects.filter(county=county, status=Assessment.Status.PUBLISHED).order_by(
        "-assessed_on", "-published_at", "-pk"
    )


def ratings_by_key(assessments: list[Assessment]) -> dict[int, dict[str, str]]:
    """For each assessment id, its answers as {item key: rating} (one query for them all)."""
    ratings = {assessment.pk: {} for assessment in assessments}
    answers = Answer.objects.filter(assessment__in=list(ratings)).values_list("assessment_id", "item__key", "rating")
    for assessment_id, key, rating in answers:
        ratings[assessment_id][key] = rating
    return ratings


# --- The regional table ----------------------------------------------------------------------------------------
@dataclass
class CountyColumn:
    county: str
    label: str
    assessment: Assessment | None
    is_overdue: bool


@dataclass
class ItemRow:
    item: ChecklistItem
    cells: list[RatingShown | None]


@dataclass
class GroupRows:
    group: ChecklistGroup
    rows: list[ItemRow]
    shares: list[InPlaceShare | None]


@dataclass
class RegionalTable:
    on: dt.date
    version: ChecklistVersion | None
    counties: list[CountyColumn]
    groups: list[GroupRows] = field(default_factory=list)

    @property
    def overdue_counties(self) -> list[CountyColumn]:
        return [column for column in self.counties if column.is_overdue]


def latest_published_by_county(on: dt.date) -> dict[str, Assessment]:
    """Each county's latest assessment published with a date on or before `on` (one query)."""
    latest_of_county = (
        Assessment.objects.filter(county=OuterRef("county"), status=Assessment.Status.PUBLISHED, assessed_on__lte=on)
        .order_by("-assessed_on", "-published_at", "-pk")
        .values("pk")[:1]
    )
    assessments = Assessment.objects.filter(pk=Subquery(latest_of_county)).select_related("version")
    return {assessment.county: assessment for assessment in assessments}


def regional_table(on: dt.date | None = None) -> RegionalTable:
    """Counties × items of the checklist in use on the date, with each county's latest ratings on that date and
    per group the share of items in place; counties without an assessment in the 12 months before are marked.

    Five queries, whatever the number of counties, assessments and answers.
    """
    on = on or timezone.localdate()
    latest = latest_published_by_county(on)
    counties = [
        CountyColumn(
            county=county,
            label=label,
            assessment=latest.get(county),
            is_overdue=county not in latest or latest[county].assessed_on < on - ASSESSMENT_INTERVAL,
        )
        for county, label in COUNTIES
    ]
    version = version_in_use(on)
    table = RegionalTable(on=on, version=version, counties=counties)
    if version is None:
        return table
    ratings = ratings_by_key(list(latest.values()))
    # None for a county without an assessment: its cells say "not assessed" rather than "no answer".
    county_ratings = [ratings[column.assessment.pk] if column.assessment else None for column in counties]
    for group in checklist(version):
        rows = [
            ItemRow(
                item, [None if by_key is None else RatingShown(by_key.get(item.key, "")) for by_key in county_ratings]
            )
            for item in group.item_list
        ]
        shares = [None if by_key is None else in_place_share(group.item_list, by_key) for by_key in county_ratings]
        table.groups.append(GroupRows(group, rows, shares))
    return table


# --- A county's page -------------------------------------------------------------------------------------------
@dataclass
class GroupComparison:
    group: ChecklistGroup
    rows: list


@dataclass
class CountyHistory:
    county: str
    history: list[Assessment]
    latest: Assessment | None
    previous: Assessment | None
    comparison: list[GroupComparison]


def county_history(county: str, *, upto: Assessment | None = None) -> CountyHistory:
    """The county's published assessments, and the latest (or `upto`) against the one before it, item by item,
    on the latest's checklist (items matched by key)."""
    history = list(published_assessments(county).select_related("version", "published_by"))
    position = next((i for i, a in enumerate(history) if a.pk == upto.pk), None) if upto else 0
    latest = history[position] if history and position is not None else None
    previous = history[position + 1] if latest is not None and position + 1 < len(history) else None
    comparison = []
    if latest is not None:
        ratings = ratings_by_key([a for a in (latest, previous) if a is not None])
        previous_ratings = ratings[previous.pk] if previous else {}
        comparison = [
            GroupComparison(group, compare_items(group.item_list, previous_ratings, ratings[latest.pk]))
            for group in checklist(latest.version)
        ]
    return CountyHistory(county=county, history=history, latest=latest, previous=previous, comparison=comparison)


def county_draft(county: str) -> Assessment | None:
    return Assessment.objects.filter(county=county, status=Assessment.Status.DRAFT).select_related("updated_by").first()


@dataclass
class AnsweredItem:
    item: ChecklistItem
    answer: Answer | None

    @property
    def rating(self) -> RatingShown:
        return RatingShown(self.answer.rating if self.answer else "")


def answered_checklist(assessment: Assessment) -> list[GroupComparison]:
    """The assessment's checklist, group by group, each item with its answer or None (three queries)."""
    answers = {answer.item_id: answer for answer in assessment.answers.all()}
    return [
        GroupComparison(group, [AnsweredItem(item, answers.get(item.pk)) for item in group.item_list])
        for group in checklist(assessment.version)
    ]


# --- The CSV of answers ----------------------------------------------------------------------------------------
def answers_for_export(county: str | None = None) -> QuerySet[Answer]:
    """Every answer of every assessment (drafts too), or of one county's, in a stable order (one query)."""
    answers = Answer.objects.select_related("assessment", "assessment__version", "item", "item__group")
    if county:
        answers = answers.filter(assessment__county=county)
    return answers.order_by(
        "assessment__county", "assessment__assessed_on", "assessment__pk", "item__group__order", "item__order", "item"
    )
