from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from materials.selectors import materials_visible_to

from . import selectors, services
from .certificates import certificate_pdf_bytes
from .forms import EnrollmentForm, EventFilterForm
from .ics import calendar_for, event_ics, ics_filename
from .models import CalendarFeed, Certificate, Enrollment, Event

EVENTS_PER_PAGE = 20


def _materials_prefetch(user):
    return Prefetch("materials", queryset=materials_visible_to(user).order_by("title"), to_attr="visible_materials")


@require_safe
def event_list(request):
    past = request.GET.get("past") == "1"
    filter_form = EventFilterForm(request.GET or None)
    events = selectors.event_list_for(request.user, past=past, **filter_form.filters())
    if past:
        events = events.prefetch_related(_materials_prefetch(request.user))
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    my_enrollments = {}
    if request.user.is_authenticated:
        my_enrollments = {
            enrollment.event_id: enrollment
            for enrollment in Enrollment.objects.filter(user=request.user, event__in=[e.pk for e in page]).exclude(
                status=Enrollment.Status.CANCELLED
            )
        }
    for event in page:
        event.my_enrollment = my_enrollments.get(event.pk)
        event.seats_left = None if event.capacity is None else max(event.capacity - event.confirmed_count, 0)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {"page": page, "filter_form": filter_form, "past": past, "query": query.urlencode()},
    )


def _visible_event(request, slug) -> Event:
    events = selectors.events_viewable_by(request.user)
    return get_object_or_404(selectors.with_seat_counts(events.select_related("network", "series")), slug=slug)


def _detail_context(request, event, form=None):
    enrollment = selectors.live_enrollment(request.user, event)
    refusal = services.enrollment_state(event)
    if not refusal and request.user.is_authenticated and not services.may_enroll(event, request.user):
        refusal = services.MESSAGES["members_only"]
    if form is None and enrollment is None and not refusal and request.user.is_authenticated:
        form = EnrollmentForm(event=event)
    seats_left = None if event.capacity is None else max(event.capacity - event.confirmed_count, 0)
    now = timezone.now()
    may_cancel = False
    if enrollment and event.status == Event.Status.PUBLISHED:
        if enrollment.status == Enrollment.Status.CONFIRMED:
            may_cancel = now < services.cancellation_deadline(event)
        else:
            may_cancel = now < event.start
    return {
        "event": event,
        "programme": list(event.programme.all()),
        "sessions": list(event.sessions.all()),
        "materials": list(materials_visible_to(request.user).filter(events=event).order_by("title")),
        "enrollment": enrollment,
        "show_online_link": bool(
            enrollment and enrollment.status == Enrollment.Status.CONFIRMED and event.status == Event.Status.PUBLISHED
        ),
        "form": form,
        "refusal": refusal,
        "seats_left": seats_left,
        "may_cancel": may_cancel,
        "cancellation_deadline": services.cancellation_deadline(event),
        "is_past": event.end < now,
        "multi_day": timezone.localtime(event.start).date() != timezone.localtime(event.end).date(),
    }


@require_safe
def event_detail(request, slug):
    event = _visible_event(request, slug)
    return render(request, "events/event_detail.html", _detail_context(request, event))


@require_POST
@login_required
def enrol(request, slug):
    event = _visible_event(request, slug)
    form = EnrollmentForm(request.POST, event=event)
    if not form.is_valid():
        return render(request, "events/event_detail.html", _detail_context(request, event, form), status=400)
    try:
        enrollment = services.enroll(event=event, user=request.user, mode=form.mode(), answers=form.answers())
    except services.EnrollmentError as error:
        messages.error(request, error.message)
        return redirect(event)
    if enrollment.status == Enrollment.Status.CONFIRMED:
        messages.success(request, _("You are enrolled. A confirmation with a calendar file is on its way to you."))
    else:
        position = selectors.live_enrollment(request.user, event).position
        messages.success(
            request,
            _(
                "The event is full: you are on the waiting list in position %(position)s. We e-mail you if a seat "
                "becomes free."
            )
            % {"position": position},
        )
    return redirect(event)


@require_POST
@login_required
def cancel(request, pk):
    enrollment = get_object_or_404(Enrollment.objects.select_related("event"), pk=pk)
    if enrollment.user_id != request.user.pk:
        raise PermissionDenied(services.MESSAGES["not_yours"])
    try:
        services.cancel_enrollment(enrollment=enrollment, user=request.user)
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect(enrollment.event)


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def event_calendar(request, slug):
    event = _visible_event(request, slug)
    if event.status == Event.Status.DRAFT:
        raise Http404
    enrollment = selectors.live_enrollment(request.user, event)
    confirmed = bool(enrollment and enrollment.status == Enrollment.Status.CONFIRMED)
    return _ics_response(event_ics(event, with_online_link=confirmed), ics_filename(event))


@require_safe
def personal_feed(request, token):
    """A member's enrolled events as a calendar subscription; the secret token is the only key."""
    feed = get_object_or_404(CalendarFeed.objects.select_related("user"), token=token)
    enrollments = (
        Enrollment.objects.filter(user=feed.user, status=Enrollment.Status.CONFIRMED)
        # a member who has left a network no longer gets its members-only events (nor their links)
        .filter(event__in=selectors.events_visible_to(feed.user))
        .exclude(event__status=Event.Status.DRAFT)
        .select_related("event")
        .prefetch_related("event__sessions")
        .order_by("event__start")
    )
    events = [enrollment.event for enrollment in enrollments]
    calendar = calendar_for(
        events,
        with_online_link=lambda event: event.status == Event.Status.PUBLISHED,
        name=_("My HYTE events"),
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


@require_POST
@login_required
def create_feed(request):
    """Create the member's calendar feed address, or replace it with a new one (the old one stops working)."""
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if not created:
        feed.token = CalendarFeed._meta.get_field("token").default()
        feed.save(update_fields=["token"])
    messages.success(
        request, _("Your calendar feed address is ready. Add it to your calendar program as a subscription.")
    )
    return redirect("accounts:my_page")


@require_safe
@login_required
def certificate_pdf(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment__event", "enrollment__user"), pk=pk)
    if certificate.enrollment.user_id != request.user.pk:
        raise PermissionDenied
    response = HttpResponse(certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.enrollment.event.slug}.pdf"'
    return response
