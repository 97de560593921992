"""Who may read and who may fill in the counties' self-assessments.

Logged-in members read the published assessments and the regional table. A county's named editors fill in its
assessment. Staff (with the admin's permission on assessments; network coordinators have none) fill in any
county's, see drafts, filter the regional table by date and export the answers.
"""

from .models import COUNTY_LABELS, CountyEditor


def may_read_assessments(user) -> bool:
    return user.is_authenticated


def is_assessment_staff(user) -> bool:
    """Staff who look after the self-assessments: every county, drafts, the date filter and the CSV."""
    return user.is_authenticated and user.is_staff and user.has_perm("leading.view_assessment")


def may_edit_any_county(user) -> bool:
    return user.is_authenticated and user.is_staff and user.has_perm("leading.change_assessment")


def edited_counties(user) -> set[str]:
    """The counties whose assessment the user may fill in (one query for a member, none for staff)."""
    if not user.is_authenticated:
        return set()
    if may_edit_any_county(user):
        return set(COUNTY_LABELS)
    if not hasattr(user, "_leading_edited_counties"):
        user._leading_edited_counties = set(CountyEditor.objects.filter(user=user).values_list("county", flat=True))
    return user._leading_edited_counties


def may_edit_county(user, county: str) -> bool:
    return county in edited_counties(user)
