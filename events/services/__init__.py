"""Every operation that changes events and enrolments, by what it is about:

- enrollment: enrol (members, and staff directly), cancel, leave a waiting list, release a leaving member's
  seats (and the event-row lock), erase old answers;
- waiting_list: promotion from each mode's waiting list;
- seats: the seat counters on the event row;
- mode_switch: moving a hybrid event's enrolment between on site and online;
- series_subscriptions: enrolling in every date of a series, dropping one date, leaving the series;
- staff_operations: saving, cancelling, changing, duplicating events, generating series' occurrences;
- attendance: attendance as staff mark it;
- checkin: participants' self check-in with a session's code, and the codes;
- certificates: issuing (automatically when a course's completion rule is met) and revoking certificates;
- participant_messages: staff's messages to participants;
- calendar_feeds: a member's personal calendar feed.

Callers use the names re-exported here (`services.enroll(...)`); the errors and their messages are in
events.errors, the rules the services ask in events.selectors.
"""

from ..errors import MESSAGES, CertificateError, CheckinError, EnrollmentError, EventStateError, NotYourEnrollment
from .attendance import mark_attended, record_attendance
from .calendar_feeds import renew_calendar_feed
from .certificates import issue_certificate, issue_certificates, issue_due_certificates, revoke_certificate
from .checkin import check_in, regenerate_code
from .enrollment import (
    cancel_enrollment,
    clean_answers,
    enroll,
    erase_old_answers,
    leave_waiting_list,
    release_by_token,
    release_seats_of,
    staff_enroll,
)
from .mode_switch import IfFull, switch_mode
from .participant_messages import write_to_participants
from .seats import recount_seats
from .series_subscriptions import drop_series_date, leave_series, subscribe_to_series
from .staff_operations import (
    cancel_event,
    capacity_changed,
    duplicate_event,
    generate_next_occurrences,
    generate_upcoming_occurrences,
    notify_event_changed,
    save_event,
)
from .waiting_list import promote_from_waiting_list

__all__ = [
    "MESSAGES",
    "IfFull",
    "leave_waiting_list",
    "recount_seats",
    "drop_series_date",
    "leave_series",
    "subscribe_to_series",
    "release_by_token",
    "staff_enroll",
    "switch_mode",
    "CertificateError",
    "CheckinError",
    "EnrollmentError",
    "EventStateError",
    "NotYourEnrollment",
    "cancel_enrollment",
    "check_in",
    "cancel_event",
    "capacity_changed",
    "clean_answers",
    "duplicate_event",
    "enroll",
    "erase_old_answers",
    "generate_next_occurrences",
    "generate_upcoming_occurrences",
    "issue_certificate",
    "issue_certificates",
    "issue_due_certificates",
    "mark_attended",
    "notify_event_changed",
    "promote_from_waiting_list",
    "record_attendance",
    "regenerate_code",
    "release_seats_of",
    "renew_calendar_feed",
    "revoke_certificate",
    "save_event",
    "write_to_participants",
]
