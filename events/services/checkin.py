"""Self check-in: each session of an event (or the event itself, when it has no sessions) has a short code that
staff show on the room's screen; a confirmed participant types it on the event page during the session to mark
their own attendance.

One attendance per participant and session is held by the database (SessionAttendance's unique constraint), not
by a check in Python: simultaneous check-ins of the same person insert at most one row, and the others answer
"already checked in".
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record

from .. import selectors
from ..errors import MESSAGES, CheckinError
from ..models import CHECKIN_CODE_LENGTH, CODE_ALPHABET, CheckinCode, Enrollment, Event, EventSession, new_checkin_code

CODE_SHAPE = re.compile(f"[{CODE_ALPHABET}]{{{CHECKIN_CODE_LENGTH}}}")


@dataclass(frozen=True)
class CheckinResult:
    title: str  # the session's (or the event's) title
    already: bool  # the participant had checked in before


def normalised_code(value) -> str | None:
    """The code as typed, upper-cased and without spaces or dashes; None when it cannot be a code at all."""
    if not isinstance(value, str) or len(value) > 32:
        return None
    code = re.sub(r"[\s-]", "", value).upper()
    return code if CODE_SHAPE.fullmatch(code) else None


def codes_for(event: Event) -> list[tuple[EventSession | None, CheckinCode]]:
    """The check-in code of each session of `event` (or the one code of an event without sessions), creating the
    missing ones. Safe to call twice at once: a code created meanwhile by another request is read, not doubled."""
    sessions = list(event.sessions.all()) or [None]
    existing = {code.session_id: code for code in event.checkin_codes.all()}
    result = []
    for session in sessions:
        code = existing.get(session.pk if session else None)
        if code is None:
            code = _create_code(event, session)
        result.append((session, code))
    return result


def _create_code(event: Event, session: EventSession | None) -> CheckinCode:
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return CheckinCode.objects.create(event=event, session=session)
        except IntegrityError:
            # Another request created this session's code, or (rarely) the random code was taken: read or retry.
            found = CheckinCode.objects.filter(event=event, session=session).first()
            if found is not None:
                return found
    raise RuntimeError("could not find a free check-in code")


def regenerate_code(*, code: CheckinCode, by) -> CheckinCode:
    """Give a session a new check-in code (the old one stops working at once), as staff member `by` asked;
    the audit trail records it."""
    with transaction.atomic():
        code = CheckinCode.objects.select_for_update(of=("self",)).select_related("event__network").get(pk=code.pk)
        for _attempt in range(5):
            code.code = new_checkin_code()
            try:
                with transaction.atomic():
                    code.save(update_fields=["code", "created_at"])
                break
            except IntegrityError:
                continue
        record(
            actor=by,
            action="checkin.code_renewed",
            obj=code.event,
            network=code.event.network,
            details={"session": code.session_id},
        )
    return code


def check_in(*, event: Event, user, code: str, now: dt.datetime | None = None) -> CheckinResult:
    """Mark `user`'s own attendance at the session whose code they typed on `event`'s page.

    Refused with a CheckinError (nothing written) for a malformed or unknown code, another event's code, a
    session whose check-in window (CHECKIN_OPENS_MINUTES_BEFORE before its start until its end) is not open,
    or a user who is not a confirmed participant. Checking in twice answers `already=True` and writes nothing.
    """
    now = now or timezone.now()
    normalised = normalised_code(code)
    if normalised is None:
        raise CheckinError(MESSAGES["checkin_wrong_code"])
    found = CheckinCode.objects.select_related("session").filter(code=normalised).first()
    if found is None:
        raise CheckinError(MESSAGES["checkin_wrong_code"])
    if found.event_id != event.pk:
        raise CheckinError(MESSAGES["checkin_other_event"])
    session = found.session
    title = session.title if session else event.title
    span = session or event
    opens, closes = selectors.checkin_window(span.start, span.end)
    if now < opens:
        raise CheckinError(
            MESSAGES["checkin_not_open"] % {"session": title, "opens": selectors.local_datetime_text(opens)}
        )
    if now > closes or event.status != Event.Status.PUBLISHED:
        raise CheckinError(MESSAGES["checkin_closed"] % {"session": title})
    enrollment = Enrollment.objects.filter(event=event, user=user, status=Enrollment.Status.CONFIRMED).first()
    if enrollment is None:
        raise CheckinError(MESSAGES["checkin_not_participant"])
    return CheckinResult(title=title, already=not _mark(enrollment, session))


def _mark(enrollment: Enrollment, session: EventSession | None) -> bool:
    """Write the attendance; False when it was there already. For a session the unique constraint decides."""
    with transaction.atomic():
        if session is None:
            changed = Enrollment.objects.filter(pk=enrollment.pk, attended=False).update(
                attended=True, updated_at=timezone.now()
            )
            return bool(changed)
        if _attendance_exists(enrollment, session):
            return False
        try:
            with transaction.atomic():
                enrollment.session_attendances.create(session=session)
        except IntegrityError:
            return False  # a simultaneous check-in of the same person got there first
        Enrollment.objects.filter(pk=enrollment.pk, attended=False).update(attended=True, updated_at=timezone.now())
        return True


def _attendance_exists(enrollment: Enrollment, session: EventSession) -> bool:
    # The common case (a second tap of the button) answers without an insert; under a race this check passes
    # for everyone and the constraint above is what keeps a single row.
    return enrollment.session_attendances.filter(session=session).exists()
