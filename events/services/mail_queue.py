"""Queueing the enrolment e-mails: each leaves only once the transaction that decided it commits."""

from django.db import transaction


def queue_enrollment_email(enrollment_id: int, kind: str) -> None:
    """Send one of the enrolment e-mails (events.emails.ENROLLMENT_EMAILS) once the transaction commits."""
    from ..tasks import send_enrollment_email

    # robust: a broker or mail server that is down must not turn a committed enrolment into an error page.
    transaction.on_commit(lambda: send_enrollment_email.delay(enrollment_id, kind), robust=True)
