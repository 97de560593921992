"""Comparing two assessments of a county item by item, and the share of a group's items that are in place.

Items are matched by their key, so that an assessment on a revised checklist still compares with the one before.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import IN_PLACE_RATINGS, RATING_SCORES, ChecklistItem, Rating


class Change(models.TextChoices):
    IMPROVED = "improved", _("Improved")
    SAME = "same", _("No change")
    WORSE = "worse", _("Worse")
    NOT_COMPARABLE = "not_comparable", _("Cannot be compared")


def change_between(previous: str, latest: str) -> Change:
    """How an item moved on the scale; "don't know" or a missing answer on either side cannot be compared."""
    if previous not in RATING_SCORES or latest not in RATING_SCORES:
        return Change.SAME if previous == latest == Rating.DONT_KNOW else Change.NOT_COMPARABLE
    difference = RATING_SCORES[latest] - RATING_SCORES[previous]
    if difference > 0:
        return Change.IMPROVED
    return Change.WORSE if difference < 0 else Change.SAME


@dataclass(frozen=True)
class RatingShown:
    """A rating as pages show it: the code (for the colour) and its words."""

    code: str

    @property
    def label(self) -> str:
        return Rating(self.code).label if self.code else _("No answer")

    @property
    def css(self) -> str:
        return f"rating-{self.code or 'none'}"


@dataclass(frozen=True)
class ItemComparison:
    item: ChecklistItem
    previous: RatingShown
    latest: RatingShown

    @property
    def change(self) -> Change:
        return change_between(self.previous.code, self.latest.code)


@dataclass(frozen=True)
class InPlaceShare:
    """How many of a group's items a county has in place (in place or established), out of all its items."""

    in_place: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.in_place / self.total) if self.total else 0


def in_place_share(items: list[ChecklistItem], ratings: dict[str, str]) -> InPlaceShare:
    """`ratings` maps item keys to rating codes."""
    return InPlaceShare(sum(1 for item in items if ratings.get(item.key) in IN_PLACE_RATINGS), len(items))


def compare_items(items: list[ChecklistItem], previous: dict[str, str], latest: dict[str, str]) -> list:
    """One ItemComparison per item, from two {item key: rating} maps."""
    return [
        ItemComparison(item, RatingShown(previous.get(item.key, "")), RatingShown(latest.get(item.key, "")))
        for item in items
    ]


def count_changes(comparisons: list[ItemComparison]) -> dict[str, int]:
    """How many items improved, stayed, worsened or could not be compared (for the summary line)."""
    counts = {change.value: 0 for change in Change}
    for comparison in comparisons:
        counts[comparison.change.value] += 1
    return counts
