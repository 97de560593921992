"""The events pages: the list and the archive, an event's page with enrolment and cancellation, calendar files,
the member's personal calendar feed and certificate downloads. Rules and reads live in services and selectors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from materials.selectors import materials_visible_to

from . import selectors, services
from .certificates import certificate_pdf_bytes
from .forms import EnrollmentForm, EventFilterForm
from .ics import calendar_for, event_ics, ics_filename, public_feed
from .models import Certificate, Enrollment, Event

EVENTS_PER_PAGE = 20


@require_safe
def event_list(request):
    past = request.GET.get("past") == "1"
    filter_form = EventFilterForm(request.GET or None)
    events = selectors.event_list_for(request.user, past=past, **filter_form.filters())
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    my_enrollments = selectors.live_enrollments_by_event(request.user, page)
    for event in page:
        event.my_enrollment = my_enrollments.get(event.pk)
        event.seats_left = selectors.seats_left(event, confirmed=event.confirmed_total)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "events/event_list.html",
        {"page": page, "filter_form": filter_form, "past": past, "query": query.urlencode()},
    )


def _visible_event(request, slug) -> Event:
    event = selectors.event_for_page(request.user, slug)
    if event is None:
        raise Http404
    return event


def _detail_context(request, event, form=None):
    enrollment = selectors.live_enrollment(request.user, event)
    refusal = selectors.enrollment_refusal(event, request.user)
    if form is None and enrollment is None and not refusal and request.user.is_authenticated:
        form = EnrollmentForm(event=event)
    return {
        "event": event,
        "programme": list(event.programme.all()),
        "sessions": list(event.sessions.all()),
        "materials": list(materials_visible_to(request.user).filter(events=event).order_by("title")),
        "enrollment": enrollment,
        "show_online_link": selectors.may_see_online_link(enrollment),
        "form": form,
        "refusal": refusal,
        "seats_left": selectors.seats_left(event, confirmed=event.confirmed_total),
        "may_cancel": enrollment is not None and selectors.may_cancel(enrollment),
        "cancellation_deadline": selectors.cancellation_deadline(event),
        "is_past": event.end < timezone.now(),
        "multi_day": timezone.localtime(event.start).date() != timezone.localtime(event.end).date(),
    }


@require_safe
def event_detail(request, slug):
    if not request.user.is_authenticated and selectors.is_members_only_event(slug):
        # An invited director who follows the link before logging in is asked to log in, not told "not found".
        return redirect_to_login(request.get_full_path())
    event = _visible_event(request, slug)
    return render(request, "events/event_detail.html", _detail_context(request, event))


@require_POST
@login_required
def enroll(request, slug):
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
def cancel_enrollment(request, pk):
    enrollment = get_object_or_404(Enrollment.objects.select_related("event"), pk=pk)
    try:
        services.cancel_enrollment(enrollment=enrollment, user=request.user)
    except services.NotYourEnrollment:
        raise Http404 from None  # another member's enrolment answers as a missing one does
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect(enrollment.event)


def _ics_response(content: bytes, headers: dict) -> HttpResponse:
    return HttpResponse(content, content_type="text/calendar; charset=utf-8", headers=headers)


@require_safe
def event_calendar(request, slug):
    event = _visible_event(request, slug)
    if event.status == Event.Status.DRAFT:
        raise Http404
    enrollment = selectors.live_enrollment(request.user, event)
    content = event_ics(event, with_online_link=selectors.may_see_online_link(enrollment))
    return _ics_response(content, {"Content-Disposition": f'attachment; filename="{ics_filename(event)}"'})


@require_safe
def public_events_feed(request):
    """All public events as a calendar subscription: no members-only event, no online meeting link."""
    content = public_feed(selectors.public_calendar_events(), name=_("HYTE events"))
    return _ics_response(content, {"Cache-Control": "public, max-age=900"})


@require_safe
def personal_feed(request, token):
    """A member's enrolled events as a calendar subscription; the secret token is the only key."""
    feed = selectors.live_calendar_feed(token)
    if feed is None:
        raise Http404
    enrollments = list(selectors.personal_feed_enrollments(feed.user))
    with_link = {enrollment.event_id: selectors.may_see_online_link(enrollment) for enrollment in enrollments}
    calendar = calendar_for(
        [enrollment.event for enrollment in enrollments],
        with_online_link=lambda event: with_link[event.pk],
        name=_("My HYTE events"),
    )
    return _ics_response(calendar.to_ical(), {"Cache-Control": "private, max-age=900"})


@require_POST
@login_required
def create_feed(request):
    """Create the member's calendar feed address, or replace it with a new one (the old one stops working)."""
    services.renew_calendar_feed(user=request.user)
    messages.success(
        request, _("Your calendar feed address is ready. Add it to your calendar program as a subscription.")
    )
    return redirect("accounts:my_page")


@require_safe
@login_required
def certificate_pdf(request, pk):
    certificate = get_object_or_404(Certificate.objects.select_related("enrollment__event", "enrollment__user"), pk=pk)
    if certificate.enrollment.user_id != request.user.pk:
        raise Http404  # another member's certificate answers as a missing one does
    response = HttpResponse(certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.enrollment.event.slug}.pdf"'
    return response
