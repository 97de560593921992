"""Participation certificates: issued to those who completed an event (by its completion rule, or by attending
when it has none), automatically by the periodic task once a course's last session has ended, or by staff from the
admin; and revoked by staff. Each participant gets at most one (a one-to-one row, re-checked under a row lock).
"""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone

from audit.services import SYSTEM, record

from ..completion import Completion, completions_for
from ..errors import MESSAGES, CertificateError, EventStateError
from ..models import Certificate, Enrollment, Event
from .enrollment import queue_enrollment_email


def course_end(event: Event) -> dt.datetime:
    """When the event's last session (or the event itself) ends."""
    last_session = max((session.end for session in event.sessions.all()), default=None)
    return max(event.end, last_session) if last_session else event.end


def _has_certificate(enrollment: Enrollment) -> bool:
    try:
        return enrollment.certificate is not None
    except Certificate.DoesNotExist:
        return False


def _issue(completion: Completion, by) -> Certificate | None:
    """Create the certificate and queue its e-mail; None when a simultaneous issuer created it first."""
    enrollment = completion.enrollment
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                enrollment=enrollment,
                language=enrollment.user.preferred_language or settings.LANGUAGE_CODE,
                issued_by=by,
            )
    except IntegrityError:
        return None
    queue_enrollment_email(enrollment.pk, "certificate")
    return certificate


def _locked_completions(event: Event, enrollments) -> list[Completion]:
    """Lock the enrolments, then read their completion and certificates afresh (a new snapshot: a certificate
    that a simultaneous run committed while we waited for the lock is seen)."""
    locked = list(enrollments.select_for_update(of=("self",)).values_list("pk", flat=True))
    return completions_for(event, Enrollment.objects.filter(pk__in=locked))


def issue_certificates(*, event: Event, by) -> int:
    """Issue a participation certificate, in their preferred language, to every confirmed participant of `event`
    who completed it and has none yet, and e-mail it to them (PDF attached). Completed means the event's
    completion rule is met, or, for an event without a rule, that they attended. `by` is the staff member, or
    SYSTEM for the periodic task. Idempotent: issuing twice adds nothing. Returns how many were issued; the audit
    trail gets the count (a run that issues none leaves no entry)."""
    if course_end(event) > timezone.now():
        raise EventStateError(MESSAGES["certificates_after_event"])
    with transaction.atomic():
        candidates = Enrollment.objects.filter(
            event=event, status=Enrollment.Status.CONFIRMED, certificate__isnull=True
        )
        issued = 0
        for completion in _locked_completions(event, candidates):
            if completion.rule_met and not _has_certificate(completion.enrollment) and _issue(completion, by):
                issued += 1
        if issued:
            record(actor=by, action="certificate.issued", obj=event, network=event.network, details={"count": issued})
    return issued


def issue_certificate(*, enrollment: Enrollment, by) -> Certificate:
    """Issue one participant's certificate by hand (staff member `by`). Refused with a CertificateError when the
    event is not over, the enrolment is not confirmed, a certificate exists, or the participant did not complete
    the event by its rule."""
    event = enrollment.event
    if course_end(event) > timezone.now():
        raise CertificateError(MESSAGES["certificates_after_event"])
    with transaction.atomic():
        completions = _locked_completions(event, Enrollment.objects.filter(pk=enrollment.pk))
        name = enrollment.user.get_full_name() or enrollment.user.email
        if not completions or completions[0].enrollment.status != Enrollment.Status.CONFIRMED:
            raise CertificateError(MESSAGES["certificate_not_confirmed"])
        completion = completions[0]
        if _has_certificate(completion.enrollment):
            raise CertificateError(MESSAGES["certificate_exists"] % {"name": name})
        if not completion.rule_met:
            raise CertificateError(
                MESSAGES["certificate_not_completed"]
                % {
                    "name": name,
                    "attended": completion.sessions_attended,
                    "total": completion.sessions_total,
                    "hours": completion.hours_text,
                }
            )
        certificate = _issue(completion, by)
        if certificate is None:
            raise CertificateError(MESSAGES["certificate_exists"] % {"name": name})
        record(
            actor=by,
            action="certificate.issued",
            obj=event,
            network=event.network,
            person=enrollment.user,
            details={"count": 1, "certificate": certificate.pk},
        )
    return certificate


def events_due_certificates(now: dt.datetime):
    """Courses with a completion rule whose last session ended in the last CERTIFICATE_ISSUE_DAYS days and which
    still have confirmed participants without a certificate."""
    since = now - dt.timedelta(days=settings.CERTIFICATE_ISSUE_DAYS)
    waiting = Enrollment.objects.filter(
        event=OuterRef("pk"), status=Enrollment.Status.CONFIRMED, certificate__isnull=True
    )
    return (
        Event.objects.exclude(completion_rule="")
        .filter(status=Event.Status.PUBLISHED)
        .annotate(last_session_end=Max("sessions__end"))
        .filter(end__lte=now, end__gte=since)
        .filter(Q(last_session_end__isnull=True) | Q(last_session_end__lte=now))
        .filter(Exists(waiting))
        .select_related("network")
        .order_by("end", "pk")
    )


def issue_due_certificates(*, now: dt.datetime | None = None) -> int:
    """The periodic run: issue the certificates of every course that has just ended, as the system. Safe to run
    often and twice at once (each event's issuing locks and re-checks its participants). Returns how many."""
    now = now or timezone.now()
    return sum(issue_certificates(event=event, by=SYSTEM) for event in events_due_certificates(now))


def revoke_certificate(*, certificate: Certificate, by) -> Certificate:
    """Revoke a certificate (staff member `by`): its verification page then says it is revoked and the member's
    page no longer offers it. The audit trail records it. Refused if it is revoked already."""
    with transaction.atomic():
        certificate = (
            Certificate.objects.select_for_update(of=("self",))
            .select_related("enrollment__event__network", "enrollment__user")
            .get(pk=certificate.pk)
        )
        if certificate.is_revoked:
            raise CertificateError(MESSAGES["certificate_already_revoked"])
        certificate.revoked_at = timezone.now()
        certificate.revoked_by = by
        certificate.save(update_fields=["revoked_at", "revoked_by"])
        event = certificate.enrollment.event
        record(
            actor=by,
            action="certificate.revoked",
            obj=certificate,
            network=event.network,
            person=certificate.enrollment.user,
            details={"event": event.pk, "code": certificate.code},
        )
    return certificate
