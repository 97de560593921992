"""Messages staff write to an event's participants, sent to each in their own language."""

from django.db import transaction
from django.db.models import Q

from audit.services import record

from ..errors import MESSAGES, EventStateError
from ..models import Enrollment, Event

RECIPIENT_STATUSES = {
    "confirmed": Q(status=Enrollment.Status.CONFIRMED),
    "waitlisted": Q(status=Enrollment.Status.WAITLISTED),
    "attended": Q(status=Enrollment.Status.CONFIRMED, attended=True),
}
LANGUAGES = ("fi", "sv", "en")


def write_to_participants(*, event: Event, statuses, subject: dict, message: dict, by) -> int:
    """Send staff's message to the event's participants of the chosen statuses, each in their own language.

    `subject` and `message` map a language code to the text staff wrote in it; Finnish is required and a
    missing language falls back to it. Returns the number of recipients; the audit trail gets who wrote to how
    many (not the text).
    """
    if not (subject.get("fi") or "").strip() or not (message.get("fi") or "").strip():
        raise EventStateError(MESSAGES["message_needs_finnish"])
    condition = Q(pk__in=[])
    for status in statuses:
        condition |= RECIPIENT_STATUSES[status]
    recipient_ids = list(event.enrollments.filter(condition).values_list("pk", flat=True).distinct())
    if not recipient_ids:
        return 0
    from ..tasks import send_message_to_participants

    texts = {
        language: {"subject": subject.get(language) or subject["fi"], "message": message.get(language) or message["fi"]}
        for language in LANGUAGES
    }
    with transaction.atomic():
        details = {"statuses": sorted(statuses), "recipients": len(recipient_ids)}
        record(actor=by, action="event.participants_messaged", obj=event, network=event.network, details=details)
        transaction.on_commit(lambda: send_message_to_participants.delay(event.pk, recipient_ids, texts), robust=True)
    return len(recipient_ids)
