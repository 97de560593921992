"""The e-mails of the events app, built from ids in the recipient's language: the enrolment life cycle,
reminders, and staff's messages to participants.

Tasks call these; each re-reads the rows, so a retried task sends what is true now.
"""

from django.conf import settings
from django.utils import timezone, translation

from hyte_portal.emails import Attachment, render_email, send_email, send_many

from . import selectors
from .certificates import certificate_pdf_bytes, verification_url
from .ics import calendar_for, event_ics, ics_filename, ics_mimetype
from .models import Certificate, Enrollment, Event
from .tokens import release_path

# kind -> (template, attach a calendar file?, is the calendar a cancellation?)
ENROLLMENT_EMAILS = {
    "confirmed": ("events/emails/confirmed", True, False),
    "waitlisted": ("events/emails/waitlisted", True, False),
    "promoted": ("events/emails/promoted", True, False),
    "mode_switched": ("events/emails/mode_switched", True, False),
    "cancelled": ("events/emails/cancelled", True, True),
    "event_cancelled": ("events/emails/event_cancelled", True, True),
    "event_changed": ("events/emails/event_changed", True, False),
    "certificate": ("events/emails/certificate", False, False),
}


def _language(user) -> str:
    return user.preferred_language or settings.LANGUAGE_CODE


def _event_url(event: Event) -> str:
    """The event page in the active language."""
    return settings.SITE_URL + event.get_absolute_url()


def _context(enrollment: Enrollment) -> dict:
    position = None
    if enrollment.status == Enrollment.Status.WAITLISTED:
        position = selectors.with_waiting_position(Enrollment.objects.filter(pk=enrollment.pk)).get().position
    event = enrollment.event
    return {
        "enrollment": enrollment,
        "event": event,
        "user": enrollment.user,
        "position": position,
        "sessions": list(event.sessions.all()),
        "event_url": _event_url(event),
        "my_page_url": f"{settings.SITE_URL}/{translation.get_language()}/me/",
        "show_online_link": selectors.may_see_online_link(enrollment),
        # Promoted less than a day before: the e-mail carries a one-click "I can't come after all".
        "late_promotion": enrollment.status == Enrollment.Status.CONFIRMED and selectors.promoted_late(enrollment),
        "release_url": settings.SITE_URL + release_path(enrollment.pk),
    }


def send_enrollment_email(*, enrollment_id: int, kind: str) -> bool:
    """Send one life-cycle e-mail. Returns False when it no longer applies (the state moved on)."""
    template, with_calendar, cancellation = ENROLLMENT_EMAILS[kind]
    enrollment = Enrollment.objects.select_related("event", "user").filter(pk=enrollment_id).first()
    if enrollment is None:
        return False
    expected = {
        "confirmed": Enrollment.Status.CONFIRMED,
        "promoted": Enrollment.Status.CONFIRMED,
        "mode_switched": Enrollment.Status.CONFIRMED,
        "waitlisted": Enrollment.Status.WAITLISTED,
        "cancelled": Enrollment.Status.CANCELLED,
    }.get(kind)
    if expected and enrollment.status != expected:
        return False
    if kind == "event_changed" and enrollment.status == Enrollment.Status.CANCELLED:
        return False
    certificate = Certificate.objects.filter(enrollment=enrollment).first() if kind == "certificate" else None
    if kind == "certificate" and (certificate is None or certificate.is_revoked):
        return False
    language = _language(enrollment.user)
    with translation.override(language):
        context = _context(enrollment)
        attachments = []
        if with_calendar:
            ics = event_ics(
                enrollment.event,
                with_online_link=context["show_online_link"],
                cancelled=cancellation,
                tentative=enrollment.status == Enrollment.Status.WAITLISTED,
            )
            attachments.append(Attachment(ics_filename(enrollment.event), ics, ics_mimetype(cancelled=cancellation)))
        if certificate is not None:
            certificate.enrollment = enrollment
            context["verification_url"] = verification_url(certificate)
            context["certificate"] = certificate
            pdf = certificate_pdf_bytes(certificate)
            attachments.append(Attachment(f"certificate-{enrollment.event.slug}.pdf", pdf, "application/pdf"))
    send_email(template=template, to=enrollment.user.email, language=language, context=context, attachments=attachments)
    return True


def send_series_email(*, subscription_id: int, enrollment_ids) -> bool:
    """The one confirmation of a series enrolment: every date the member was enrolled in (confirmed or waiting),
    each with a link to drop it, and one calendar file holding them all. False when nothing applies any more."""
    from .models import SeriesSubscription

    subscription = SeriesSubscription.objects.select_related("user", "series").filter(pk=subscription_id).first()
    if subscription is None or not subscription.is_active:
        return False
    enrollments = list(
        Enrollment.objects.filter(pk__in=enrollment_ids, user=subscription.user)
        .exclude(status=Enrollment.Status.CANCELLED)
        .select_related("event")
        .prefetch_related("event__sessions")
        .order_by("event__start")
    )
    if not enrollments:
        return False
    user = subscription.user
    language = _language(user)
    with translation.override(language):
        dates = [
            {
                "enrollment": enrollment,
                "event": enrollment.event,
                "drop_url": settings.SITE_URL + release_path(enrollment.pk),
            }
            for enrollment in enrollments
        ]
        by_event = {enrollment.event_id: enrollment for enrollment in enrollments}
        calendar = calendar_for(
            [enrollment.event for enrollment in enrollments],
            with_online_link=lambda event: selectors.may_see_online_link(by_event[event.pk]),
            tentative=lambda event: by_event[event.pk].status == Enrollment.Status.WAITLISTED,
        )
        context = {
            "user": user,
            "series": subscription.series,
            "dates": dates,
            "my_page_url": f"{settings.SITE_URL}/{language}/me/",
        }
    filename = f"series-{subscription.series_id}.ics"
    send_email(
        template="events/emails/series_confirmed",
        to=user.email,
        language=language,
        context=context,
        attachments=[Attachment(filename, calendar.to_ical(), ics_mimetype())],
    )
    return True


def send_message_to_participants(*, event_id: int, enrollment_ids, texts: dict) -> int:
    """Staff's message to participants, one e-mail each in the recipient's language."""
    event = Event.objects.get(pk=event_id)
    messages = []
    for enrollment in Enrollment.objects.filter(pk__in=enrollment_ids, event=event).select_related("user"):
        language = _language(enrollment.user)
        with translation.override(language):
            text = texts.get(language) or texts["fi"]
            context = {**_context(enrollment), "subject": text["subject"], "message": text["message"]}
        messages.append(
            render_email(
                template="events/emails/message",
                to=enrollment.user.email,
                language=language,
                context=context,
            )
        )
    return send_many(messages) if messages else 0


def send_reminder_email(*, enrollment: Enrollment, kind: str, online_url: str) -> int:
    """One reminder (events.reminders decides which are due): the event's facts, and the meeting link when the
    reminder kind carries it. Returns 1 when the mail server took it."""
    event, user = enrollment.event, enrollment.user
    language = _language(user)
    with translation.override(language):
        event_url = _event_url(event)
    return send_email(
        template=f"events/emails/reminder_{kind}",
        to=user.email,
        language=language,
        context={
            "event": event,
            "user": user,
            "event_url": event_url,
            "online_url": online_url,
            "days_until": (timezone.localdate(event.start) - timezone.localdate()).days,
        },
    )
