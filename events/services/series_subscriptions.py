"""Series enrolment: a member enrols in every coming occurrence of a series at once (and, while subscribed, in
each occurrence generated later), drops single dates, or leaves the whole series.

The series row is the lock between subscribing and generating: both take it first, so an occurrence that the
beat creates while a member subscribes is either already there when the member's dates are listed, or is
generated after and finds the subscription. Inside, each occurrence's own row is locked as enrolment always
does, in id order.
"""

from django.db import transaction
from django.utils import timezone

from .. import selectors
from ..errors import MESSAGES, EnrollmentError
from ..models import Enrollment, Event, EventSeries, SeriesSubscription
from .enrollment import cancel_enrollment, locked_event, place_enrollment
from .mail_queue import queue_enrollment_email

# The concurrency test switches this off to prove it catches a subscriber missing a generated occurrence.
LOCK_SERIES_ROW = True


def _locked_series(series: EventSeries) -> EventSeries:
    # NO KEY: the generation takes the same mode, so the two exclude each other, while an occurrence whose seat
    # counter changed twice in a transaction can still pass its deferred foreign-key check on the series row.
    query = EventSeries.objects.select_for_update(no_key=True) if LOCK_SERIES_ROW else EventSeries.objects
    return query.get(pk=series.pk)


def coming_occurrences(series: EventSeries):
    """The series' published occurrences still to start, in id order (the order their rows are locked in)."""
    return series.events.filter(status=Event.Status.PUBLISHED, start__gt=timezone.now()).order_by("pk")


def _mode_for(event: Event, subscription: SeriesSubscription) -> str:
    modes = event.participation_modes()
    return subscription.mode if subscription.mode in modes else modes[-1]  # hybrid without a choice: online


def _enroll_subscriber(event: Event, subscription: SeriesSubscription) -> Enrollment | None:
    """Enrol a subscriber in one occurrence (its row locked by the caller) if it is open to them and they are
    not enrolled yet; confirmed or waitlisted by the same seat rule as anyone. None when skipped."""
    if selectors.enrollment_state(event) or not selectors.may_enroll(event, subscription.user):
        return None
    try:
        return place_enrollment(event=event, user=subscription.user, mode=_mode_for(event, subscription), answers={})
    except EnrollmentError:
        return None  # enrolled in this date already


def subscribe_to_series(*, series: EventSeries, user, mode: str = "") -> list[Enrollment]:
    """Enrol the member in every coming occurrence of the series that is open to them, and in those generated
    later, until they leave. Dates they are enrolled in already stay as they are. One e-mail for the series
    follows, with one calendar file holding every date. Returns the new enrolments.
    """
    if mode and mode not in Enrollment.Mode.values:
        raise EnrollmentError(MESSAGES["bad_mode"])
    with transaction.atomic():
        series = _locked_series(series)
        if not series.is_active:
            raise EnrollmentError(MESSAGES["not_published"])
        subscription, _created = SeriesSubscription.objects.select_for_update().get_or_create(
            user=user, series=series, defaults={"mode": mode}
        )
        subscription.is_active, subscription.left_at, subscription.mode = True, None, mode
        subscription.save(update_fields=["is_active", "left_at", "mode"])
        subscription.user = user
        enrolled = []
        for event in coming_occurrences(series):
            enrollment = _enroll_subscriber(locked_event(event), subscription)
            if enrollment is not None:
                enrolled.append(enrollment)
        queue_series_email(subscription.pk, [enrollment.pk for enrollment in enrolled])
    return enrolled


def enroll_subscribers(*, event: Event) -> list[Enrollment]:
    """Enrol the series' active subscribers in a new occurrence, in the order they subscribed; called by the
    generation in the transaction that created the occurrence and holds the series row. Each gets the usual
    confirmation (or waiting-list) e-mail for the new date."""
    event = locked_event(event)
    subscriptions = SeriesSubscription.objects.filter(series_id=event.series_id, is_active=True).select_related("user")
    enrolled = []
    for subscription in subscriptions.order_by("created_at", "pk"):
        enrollment = _enroll_subscriber(event, subscription)
        if enrollment is not None:
            enrolled.append(enrollment)
            kind = "confirmed" if enrollment.status == Enrollment.Status.CONFIRMED else "waitlisted"
            queue_enrollment_email(enrollment.pk, kind)
    return enrolled


def drop_series_date(*, event: Event, user) -> Enrollment:
    """Drop one date of a series the member is enrolled in: their enrolment in it is cancelled (the seat goes
    to the next in line) and they stay enrolled in the others and in those to come.

    Raises EnrollmentError for an event of no series, a series the member is not in, or a date they are not
    enrolled in; nothing changes then.
    """
    if event.series_id is None:
        raise EnrollmentError(MESSAGES["not_a_series_event"])
    if not SeriesSubscription.objects.filter(series_id=event.series_id, user=user, is_active=True).exists():
        raise EnrollmentError(MESSAGES["not_subscribed"])
    enrollment = Enrollment.objects.filter(event=event, user=user).exclude(status=Enrollment.Status.CANCELLED).first()
    if enrollment is None:
        raise EnrollmentError(MESSAGES["not_in_series_date"])
    return cancel_enrollment(enrollment=enrollment, user=user)


def leave_series(*, series: EventSeries, user) -> int:
    """Leave the whole series: no more dates are added, and the member's enrolments in its coming dates are
    cancelled (those the cancellation rules still allow), each seat going to the next in line. Returns how
    many dates were cancelled. Raises EnrollmentError when the member is not in the series.
    """
    with transaction.atomic():
        series = _locked_series(series)
        subscription = (
            SeriesSubscription.objects.select_for_update().filter(series=series, user=user, is_active=True).first()
        )
        if subscription is None:
            raise EnrollmentError(MESSAGES["not_subscribed"])
        subscription.is_active, subscription.left_at = False, timezone.now()
        subscription.save(update_fields=["is_active", "left_at"])
        live = (
            Enrollment.objects.filter(user=user, event__in=coming_occurrences(series))
            .exclude(status=Enrollment.Status.CANCELLED)
            .select_related("event")
            .order_by("event_id")
        )
        cancelled = 0
        for enrollment in live:
            if selectors.may_cancel(enrollment):
                cancel_enrollment(enrollment=enrollment, user=user)
                cancelled += 1
    return cancelled


def queue_series_email(subscription_id: int, enrollment_ids: list[int]) -> None:
    """The one confirmation of a series enrolment, sent once the transaction commits."""
    from ..tasks import send_series_email

    if enrollment_ids:
        transaction.on_commit(lambda: send_series_email.delay(subscription_id, enrollment_ids), robust=True)
