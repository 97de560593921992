"""The events pages: the list and the archive, an event's page with enrolment and cancellation, calendar files,
the member's personal calendar feed and certificate downloads. Rules and reads live in services and selectors."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hyte_portal.page_cache import cached_for_visitors
from hyte_portal.rate_limits import limit_exceeded
from materials.selectors import materials_visible_to
from networks.selectors import listed_networks

from . import month_calendar, selectors, services
from .certificates import certificate_pdf_bytes
from .chips import filter_chips
from .errors import MESSAGES
from .forms import CheckinForm, EnrollmentForm, EventFilterForm, ModeSwitchForm
from .ics import calendar_for, event_ics, ics_filename, public_feed
from .models import Certificate, Enrollment, Event

EVENTS_PER_PAGE = 20


@require_safe
@cached_for_visitors(shows_seats=True)
def event_list(request):
    past = request.GET.get("past") == "1"
    filter_form = EventFilterForm(request.GET or None)
    filters = filter_form.filters()
    context = {
        "filter_form": filter_form,
        "past": past,
        "chips": filter_chips(request.GET, filters, listed_networks()),
        "list_url": _view_url(request.GET, view=""),
        "month_url": _view_url(request.GET, view="month"),
    }
    if request.GET.get("view") == "month":
        return _month_view(request, filters, context)
    events = selectors.event_list_for(request.user, past=past, **filters)
    page = Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
    my_enrollments = selectors.live_enrollments_by_event(request.user, page)
    for event in page:
        event.my_enrollment = my_enrollments.get(event.pk)
        event.seats_left = selectors.seats_left(event)
        event.seat_pools = selectors.seat_pools(event)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "events/event_list.html", {**context, "page": page, "query": query.urlencode()})


def _view_url(query, *, view: str) -> str:
    """The events page in the list or the month view, with the same filters (the archive flag and page dropped)."""
    changed = query.copy()
    for name in ("page", "view", "past", "month"):
        changed.pop(name, None)
    if view:
        changed["view"] = view
    return f"?{changed.urlencode()}"


def _month_view(request, filters, context):
    """The month calendar; a malformed or far-off month answers 400 with a message and the current month."""
    today = timezone.localdate()
    month, problem = month_calendar.parse_month(request.GET.get("month"), today=today)
    start, end = month_calendar.month_bounds(month)
    events = list(selectors.events_starting_between(request.user, start, end, **filters))
    context |= {
        "view": "month",
        "month": month,
        "month_problem": problem,
        "weeks": month_calendar.weeks_of(month, events, today=today),
        "event_count": len(events),
        "previous_url": month_calendar.neighbour_url(request.GET, month, step=-1, today=today),
        "next_url": month_calendar.neighbour_url(request.GET, month, step=1, today=today),
    }
    return render(request, "events/event_list.html", context, status=400 if problem else 200)


def _visible_event(request, slug) -> Event:
    event = selectors.event_for_page(request.user, slug)
    if event is None:
        raise Http404
    return event


def _checkin_form(request, event, enrollment, sessions):
    """The check-in form for a confirmed participant while a session's check-in is open, or whenever the page was
    opened from a session's QR code (?checkin=CODE fills the code in; a code of the wrong shape is dropped)."""
    prefilled = services.checkin.normalised_code(request.GET.get("checkin"))
    if enrollment is None or enrollment.status != Enrollment.Status.CONFIRMED:
        return None
    if prefilled is None and not selectors.checkin_open(event, sessions):
        return None
    return CheckinForm(initial={"code": prefilled or ""})


def _detail_context(request, event, form=None, switch_form=None):
    enrollment = selectors.live_enrollment(request.user, event)
    refusal = selectors.enrollment_refusal(event, request.user)
    if form is None and enrollment is None and not refusal and request.user.is_authenticated:
        form = EnrollmentForm(event=event)
    if switch_form is None and enrollment is not None and event.is_hybrid and not refusal:
        switch_form = ModeSwitchForm(enrollment=enrollment)
    sessions = list(event.sessions.all())
    return {
        "switch_form": switch_form,
        "series_subscription": selectors.series_subscription_of(request.user, event.series),
        "event": event,
        "programme": list(event.programme.all()),
        "sessions": sessions,
        "checkin_form": _checkin_form(request, event, enrollment, sessions),
        "checkin_link": "checkin" in request.GET,
        "materials": list(materials_visible_to(request.user).filter(events=event).order_by("title")),
        "enrollment": enrollment,
        "show_online_link": selectors.may_see_online_link(enrollment),
        "form": form,
        "refusal": refusal,
        "seats_left": selectors.seats_left(event),
        "seat_pools": selectors.seat_pools(event),
        "may_cancel": enrollment is not None and selectors.may_cancel(enrollment),
        "cancellation_deadline": (
            selectors.cancellation_deadline_of(enrollment) if enrollment else selectors.cancellation_deadline(event)
        ),
        "is_past": event.end < timezone.now(),
        "multi_day": timezone.localtime(event.start).date() != timezone.localtime(event.end).date(),
    }


@require_safe
@cached_for_visitors(shows_seats=True)
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
        request.language_path = event.get_absolute_url()  # the language links lead to the event, not to this POST
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


def _own_live_enrollment(request, pk) -> Enrollment:
    """The member's own enrolment; another member's (or a missing one) answers 404 alike."""
    enrollment = (
        Enrollment.objects.select_related("event").filter(pk=pk, user=request.user).exclude(status="cancelled").first()
    )
    if enrollment is None:
        raise Http404
    return enrollment


@require_POST
@login_required
def switch_mode(request, pk):
    enrollment = _own_live_enrollment(request, pk)
    event = _visible_event(request, enrollment.event.slug)
    enrollment.event = event
    if not event.is_hybrid:
        messages.error(request, services.MESSAGES["not_hybrid"])
        return redirect(event)
    form = ModeSwitchForm(request.POST, enrollment=enrollment)
    if not form.is_valid():
        context = _detail_context(request, event, switch_form=form)
        return render(request, "events/event_detail.html", context, status=400)
    try:
        enrollment = services.switch_mode(
            enrollment=enrollment, user=request.user, mode=form.target, if_full=form.if_full(), answers=form.answers()
        )
    except services.EnrollmentError as error:
        messages.error(request, error.message)
        return redirect(event)
    mode = Enrollment.Mode(form.target).label
    if enrollment.status == Enrollment.Status.CONFIRMED and enrollment.mode == form.target:
        messages.success(request, _("Done: you now take part this way: %(mode)s.") % {"mode": mode})
    else:
        messages.success(
            request,
            _("No seat is free for “%(mode)s” yet: you are on its waiting list. We e-mail you when you get one.")
            % {"mode": mode},
        )
    return redirect(event)


@require_POST
@login_required
def leave_waiting_list(request, pk):
    enrollment = _own_live_enrollment(request, pk)
    try:
        services.leave_waiting_list(enrollment=enrollment, user=request.user)
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("You have left the waiting list."))
    return redirect(enrollment.event)


@require_POST
@login_required
def check_in(request, slug):
    """A participant checks themselves in with the session's code; attempts are limited per member."""
    event = _visible_event(request, slug)
    form = CheckinForm(request.POST)
    if limit_exceeded(
        request,
        action="checkin",
        limit=settings.CHECKIN_ATTEMPTS,
        seconds=settings.CHECKIN_ATTEMPTS_SECONDS,
        who=f"user:{request.user.pk}",
    ):
        messages.error(request, MESSAGES["checkin_too_many"])
    elif not form.is_valid():
        # An empty field asks for the code; anything else the field refuses (a NUL byte...) is simply not a code.
        messages.error(request, MESSAGES["checkin_wrong_code"] if request.POST.get("code") else form.errors["code"][0])
    else:
        try:
            result = services.check_in(event=event, user=request.user, code=form.cleaned_data["code"])
        except services.CheckinError as error:
            messages.error(request, error.message)
        else:
            if result.already:
                messages.info(request, _("You had already checked in to “%(session)s”.") % {"session": result.title})
            else:
                messages.success(request, _("You are checked in to “%(session)s”.") % {"session": result.title})
    return redirect(event)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def cancel_enrollment(request, pk):
    """GET asks the member to confirm (a freed seat goes to the waiting list at once); POST cancels."""
    enrollment = get_object_or_404(Enrollment.objects.select_related("event"), pk=pk)
    if request.method != "POST":
        if enrollment.user_id != request.user.pk:
            raise Http404  # another member's enrolment answers as a missing one does
        if enrollment.status == Enrollment.Status.CANCELLED or not selectors.may_cancel(enrollment):
            return redirect(enrollment.event)  # the event page says why there is nothing to cancel
        return render(request, "events/cancel_confirm.html", {"enrollment": enrollment, "event": enrollment.event})
    try:
        services.cancel_enrollment(enrollment=enrollment, user=request.user)
    except services.NotYourEnrollment:
        raise Http404 from None  # another member's enrolment answers as a missing one does
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your enrolment has been cancelled."))
    return redirect(enrollment.event)


def release_seat(request, token):
    """A one-click e-mail link to give up an enrolment: the GET asks to confirm, the POST gives the seat up (and
    the next in line gets it). No login: the signed token is the key. A bad token is a page saying so."""
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponse(status=405)
    enrollment = selectors.enrollment_for_release_token(token)
    if enrollment is None:
        context = {"problem": services.MESSAGES["bad_link"]}
        return render(request, "events/release_seat.html", context, status=404)
    context = {"enrollment": enrollment, "event": enrollment.event}
    if request.method == "POST":
        try:
            services.release_by_token(token=token)
        except services.EnrollmentError as error:
            context["problem"] = error.message
            return render(request, "events/release_seat.html", context, status=400)
        context["done"] = True
        return render(request, "events/release_seat.html", context)
    context["problem"] = selectors.cancellation_refusal(enrollment)
    return render(request, "events/release_seat.html", context)


@require_POST
@login_required
def subscribe_series(request, slug):
    """Enrol in every coming date of the event's series (and in those added later)."""
    event = _visible_event(request, slug)
    if event.series is None:
        messages.error(request, services.MESSAGES["not_a_series_event"])
        return redirect(event)
    try:
        enrolled = services.subscribe_to_series(
            series=event.series, user=request.user, mode=request.POST.get("mode", "")
        )
    except services.EnrollmentError as error:
        messages.error(request, error.message)
        return redirect(event)
    messages.success(
        request,
        ngettext(
            "You are enrolled in %(count)d coming date of the series, and in new dates as they are added. "
            "One confirmation with a calendar file is on its way.",
            "You are enrolled in %(count)d coming dates of the series, and in new dates as they are added. "
            "One confirmation with a calendar file is on its way.",
            len(enrolled),
        )
        % {"count": len(enrolled)},
    )
    return redirect(event)


@require_POST
@login_required
def leave_series(request, slug):
    event = _visible_event(request, slug)
    if event.series is None:
        messages.error(request, services.MESSAGES["not_a_series_event"])
        return redirect(event)
    try:
        count = services.leave_series(series=event.series, user=request.user)
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            ngettext(
                "You have left the series; %(count)d coming date was cancelled.",
                "You have left the series; %(count)d coming dates were cancelled.",
                count,
            )
            % {"count": count},
        )
    return redirect(event)


@require_POST
@login_required
def drop_series_date(request, slug):
    """Drop one date of a series the member is enrolled in (from my page)."""
    event = _visible_event(request, slug)
    try:
        services.drop_series_date(event=event, user=request.user)
    except services.EnrollmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request,
            _("The date %(date)s is dropped; you stay enrolled in the others.")
            % {"date": date_format(timezone.localtime(event.start), "SHORT_DATE_FORMAT")},
        )
    return redirect("accounts:my_page")


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
    if certificate.enrollment.user_id != request.user.pk or certificate.is_revoked:
        raise Http404  # another member's (or a revoked) certificate answers as a missing one does
    response = HttpResponse(certificate_pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.enrollment.event.slug}.pdf"'
    return response


@require_safe
def verify_certificate(request, code):
    """The public check of a certificate: the holder's name, the course, the date and whether it is valid; nothing
    else. An unknown or malformed code gets a page that says so, with status 404."""
    certificate = selectors.certificate_for_verification(code)
    if certificate is None:
        malformed = selectors.certificate_code_shape(code) is None
        return render(request, "events/certificate_verify.html", {"malformed": malformed}, status=404)
    event = certificate.enrollment.event
    sessions = list(event.sessions.all())
    return render(
        request,
        "events/certificate_verify.html",
        {
            "certificate": certificate,
            "holder": certificate.enrollment.user.get_full_name() or _("(name not given)"),
            "event": event,
            "first_day": sessions[0].start if sessions else event.start,
            "last_day": sessions[-1].end if sessions else event.end,
        },
    )
