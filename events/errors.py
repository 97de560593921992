"""The user-facing messages of the events app's rules, kept together, and the errors that carry them.

Selectors (why an event takes no enrolments now, why an enrolment can no longer be cancelled) and the services
(which refuse with the same words) both read these, so they live beside both rather than inside either.
"""

from django.utils.translation import gettext_lazy as _

from hyte_portal.errors import DomainError

MESSAGES = {
    "not_published": _("This event is not open for enrolment."),
    "cancelled": _("This event has been cancelled."),
    "past": _("This event has already started; enrolment is closed."),
    "not_open_yet": _("Enrolment opens on %(opens)s."),
    "closed": _("Enrolment closed on %(closes)s."),
    "members_only": _("This event is for the members of its network only."),
    "already_enrolled": _("You have already enrolled in this event."),
    "bad_mode": _("Choose whether you take part on site or online."),
    "missing_answer": _("Please answer the question: %(question)s"),
    "not_yours": _("You can only cancel your own enrolment."),
    "already_cancelled": _("This enrolment has already been cancelled."),
    "deadline_passed": _("The cancellation deadline was %(deadline)s. Please contact the organisers."),
    "event_over": _("This event is already over."),
    "event_already_cancelled": _("The event has already been cancelled."),
    "no_attendance_before_start": _("Attendance can be marked once the event has started."),
    "certificates_after_event": _("Certificates can be issued once the event is over."),
    "message_needs_finnish": _("Write the subject and the message at least in Finnish."),
    "not_waiting": _("You are not on this event's waiting list."),
    "not_hybrid": _("This event has only one way to take part."),
    "already_in_mode": _("You already take part this way."),
    "already_waiting_for_mode": _("You are already on the waiting list for this way of taking part."),
    "mode_full": _("No seat is free for “%(mode)s”, so your enrolment was not changed."),
    "bad_if_full": _("Choose what happens if there is no free seat."),
    "bad_link": _("This link is not valid. It may have been copied incompletely."),
    "not_subscribed": _("You are not enrolled in this series."),
    "not_in_series_date": _("You are not enrolled in this date of the series."),
    "not_a_series_event": _("This event is not part of a series."),
    # self check-in
    "checkin_wrong_code": _("That is not a valid check-in code. Check the code on the screen and try again."),
    "checkin_other_event": _("That code is for another event. Enter the code shown at this event."),
    "checkin_not_open": _("Check-in to “%(session)s” opens at %(opens)s."),
    "checkin_closed": _("Check-in to “%(session)s” has closed: the session is over."),
    "checkin_not_participant": _("Only confirmed participants of this event can check in."),
    "checkin_too_many": _("Too many check-in attempts. Please wait a few minutes and try again."),
    # certificates
    "certificate_not_completed": _(
        "%(name)s has not completed the course: %(attended)s of %(total)s sessions, %(hours)s hours attended."
    ),
    "certificate_exists": _("%(name)s already has a certificate for this event."),
    "certificate_not_confirmed": _("Only confirmed participants can be given a certificate."),
    "certificate_already_revoked": _("This certificate has already been revoked."),
}


class EnrollmentError(DomainError):
    """A rule of enrolment refused the operation."""


class NotYourEnrollment(EnrollmentError):
    """The person asked to change an enrolment that is not theirs (the view answers 403)."""


class EventStateError(EnrollmentError):
    """A staff operation does not fit the event's state."""


class CheckinError(EnrollmentError):
    """A self check-in was refused (wrong code, closed window, not a participant)."""


class CertificateError(EventStateError):
    """A certificate cannot be issued or revoked (the participant did not complete, it exists, it is revoked)."""
