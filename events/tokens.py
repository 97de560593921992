"""Signed one-click links that give an enrolment up without logging in: "I can't come after all" in the e-mail
of a member promoted late, and "drop this date" beside each date of a series' confirmation.

The token is the enrolment's id signed with the site's secret (django.core.signing), so it cannot be guessed or
moved to another enrolment; it is checked for shape before any query. Following it only shows a confirmation
page; the seat is given up by the POST from that page.
"""

import re

from django.core import signing
from django.urls import reverse

SALT = "events.release-seat"
TOKEN_SHAPE = re.compile(r"[0-9]{1,12}:[A-Za-z0-9_-]{20,100}")


def release_token(enrollment_id: int) -> str:
    return signing.Signer(salt=SALT).sign(str(enrollment_id))


def release_path(enrollment_id: int) -> str:
    """The path (in the active language) of the page that gives this enrolment up."""
    return reverse("events:release", kwargs={"token": release_token(enrollment_id)})


def enrollment_id_from(token: str) -> int | None:
    """The enrolment id a token names; None for a malformed or forged one (no query is made)."""
    if not TOKEN_SHAPE.fullmatch(token or ""):
        return None
    try:
        return int(signing.Signer(salt=SALT).unsign(token))
    except (signing.BadSignature, ValueError):
        return None
