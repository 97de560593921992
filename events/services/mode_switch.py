"""Switching the participation mode of a hybrid event's enrolment (on site <-> online), atomically.

A free seat in the new mode (and nobody waiting for one) moves the participant at once. Otherwise the member
chose on the page: wait there while keeping the current seat (promotion moves them later), wait there and give
the current seat up now, or not switch at all.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import selectors
from ..errors import MESSAGES, EnrollmentError, NotYourEnrollment
from ..models import Enrollment
from .enrollment import clean_answers, locked_event
from .mail_queue import queue_enrollment_email
from .seats import free_seat, seat_in_mode
from .waiting_list import promote_from_waiting_list


class IfFull(models.TextChoices):
    """What a member wants when the mode they switch to is full."""

    KEEP_SEAT = "keep_seat", _("Wait for a seat there and keep my current seat until then")
    GIVE_UP_SEAT = "give_up_seat", _("Wait for a seat there and give up my current seat now")
    DO_NOT_WAIT = "do_not_wait", _("Do not switch if there is no seat")


def switch_mode(
    *, enrollment: Enrollment, user, mode: str, if_full: str = IfFull.KEEP_SEAT, answers: dict | None = None
) -> Enrollment:
    """Move the member's enrolment in a hybrid event to `mode`, in one transaction under the event's lock.

    Confirmed in the new mode when it has a seat and nobody waits for one (the old seat goes to the head of the
    other mode's list); otherwise as `if_full` says. Switching back to the mode one holds a seat in withdraws a
    pending switch. On-site questions must be answered when switching on site; their answers are dropped when
    leaving it. Raises EnrollmentError for a non-hybrid or closed event, an unknown or unchanged mode, or a full
    mode the member did not want to wait for; nothing changes then.
    """
    if enrollment.user_id != user.pk:
        raise NotYourEnrollment(MESSAGES["not_yours"])
    if if_full not in IfFull.values:
        raise EnrollmentError(MESSAGES["bad_if_full"])
    with transaction.atomic():
        event = locked_event(enrollment.event)
        enrollment = Enrollment.objects.select_for_update(no_key=True).get(pk=enrollment.pk)
        enrollment.event = event
        _check_switch(event, enrollment, mode)
        if enrollment.status == Enrollment.Status.CONFIRMED and enrollment.mode == mode:
            # Back to the seat one holds: withdraw the pending switch.
            enrollment.waiting_mode = ""
            enrollment.waiting_since = None
            enrollment.save(update_fields=["waiting_mode", "waiting_since", "updated_at"])
            return enrollment
        cleaned = clean_answers(event, {**(enrollment.answers or {}), **(answers or {})}, mode)
        free = selectors.seats_left(event, mode)
        others_waiting = selectors.waiting_list(event, mode).exclude(pk=enrollment.pk).exists()
        if free is None or (free > 0 and not others_waiting):
            _move(event, enrollment, mode, cleaned)
        elif if_full == IfFull.DO_NOT_WAIT:
            raise EnrollmentError(MESSAGES["mode_full"] % {"mode": enrollment.Mode(mode).label})
        elif enrollment.status == Enrollment.Status.CONFIRMED and if_full == IfFull.KEEP_SEAT:
            enrollment.waiting_mode = mode
            enrollment.waiting_since = timezone.now()
            # The current mode's answers stay until the move (promotion drops the on-site ones then).
            enrollment.answers = {**(enrollment.answers or {}), **cleaned}
            enrollment.save(update_fields=["waiting_mode", "waiting_since", "answers", "updated_at"])
        else:
            _wait_without_seat(event, enrollment, mode, cleaned)
    return enrollment


def _check_switch(event, enrollment: Enrollment, mode: str) -> None:
    if not event.is_hybrid:
        raise EnrollmentError(MESSAGES["not_hybrid"])
    if mode not in event.participation_modes():
        raise EnrollmentError(MESSAGES["bad_mode"])
    if enrollment.status == Enrollment.Status.CANCELLED:
        raise EnrollmentError(MESSAGES["already_cancelled"])
    refusal = selectors.enrollment_state(event)
    if refusal:
        raise EnrollmentError(refusal)
    if enrollment.status == Enrollment.Status.WAITLISTED and enrollment.mode == mode:
        raise EnrollmentError(MESSAGES["already_waiting_for_mode"])
    if enrollment.status == Enrollment.Status.CONFIRMED and enrollment.mode == mode and not enrollment.waiting_mode:
        raise EnrollmentError(MESSAGES["already_in_mode"])


def _move(event, enrollment: Enrollment, mode: str, answers: dict) -> None:
    """A seat is free in the new mode: take it, and give the old one (if any) to the other mode's list."""
    held_seat = seat_in_mode(event, enrollment, mode)
    enrollment.answers = answers
    enrollment.save(update_fields=["status", "mode", "waiting_mode", "waiting_since", "answers", "updated_at"])
    queue_enrollment_email(enrollment.pk, "mode_switched")
    if held_seat:
        promote_from_waiting_list(event=event)


def _wait_without_seat(event, enrollment: Enrollment, mode: str, answers: dict) -> None:
    """Join the end of the new mode's waiting list, giving up the seat held (if any) to the other mode's list."""
    held_seat = enrollment.status == Enrollment.Status.CONFIRMED
    if held_seat:
        free_seat(event, enrollment.mode)
    enrollment.status = Enrollment.Status.WAITLISTED
    enrollment.mode = mode
    enrollment.waiting_mode = ""
    enrollment.waiting_since = timezone.now()
    enrollment.answers = answers
    enrollment.save(update_fields=["status", "mode", "waiting_mode", "waiting_since", "answers", "updated_at"])
    queue_enrollment_email(enrollment.pk, "waitlisted")
    if held_seat:
        promote_from_waiting_list(event=event)
