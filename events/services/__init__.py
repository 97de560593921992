"""Every operation that changes events and enrolments, by what it is about:

- enrollment: enrol, cancel, the waiting list, releasing a leaving member's seats (and the event-row lock),
  erasing old answers;
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
    promote_from_waiting_list,
    release_seats_of,
)
from .participant_messages import write_to_participants
from .staff_operations import (
    cancel_event,
    capacity_changed,
    duplicate_event,
    generate_next_occurrences,
    generate_upcoming_occurrences,
    notify_event_changed,
    save_event,
)

__all__ = [
    "MESSAGES",
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
