"""Two pages of an event in the admin, linked from its change page: the check-in codes of its sessions (with their
QR codes, for the room's screen) and the completion of each participant. Both are scoped like the event itself:
a coordinator opening another network's event gets a 404 (EventAdmin.get_object)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from .. import selectors, services
from ..completion import completions_for
from ..models import CheckinCode, Event
from ..qr import qr_data_uri
from ..services.certificates import course_end
from ..services.checkin import codes_for


def _event_or_404(modeladmin, request, object_id) -> Event:
    event = modeladmin.get_object(request, object_id)  # scoped: another network's event is a 404
    if event is None:
        raise Http404
    if not modeladmin.has_change_permission(request, event):
        raise PermissionDenied
    return event


def checkin_url(event: Event, code: str) -> str:
    """The event page with the code filled in: what the QR code opens (in the site's default language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return f"{settings.SITE_URL}{event.get_absolute_url()}?checkin={code}"


def _page(modeladmin, request, event, template, context):
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "opts": Event._meta,
            "original": event,
            "event": event,
            **context,
        },
    )


def checkin_page(modeladmin, request, object_id):
    """The codes of the event's sessions with their QR codes; POST renews one session's code."""
    event = _event_or_404(modeladmin, request, object_id)
    if request.method == "POST":
        raw = request.POST.get("code", "")
        if not (raw.isascii() and raw.isdigit()):
            raise Http404
        code = services.regenerate_code(code=get_object_or_404(CheckinCode, pk=int(raw), event=event), by=request.user)
        messages.success(
            request, _("A new code was made: %(code)s. The old one no longer works.") % {"code": code.code}
        )
        return HttpResponseRedirect(request.path)
    rows = []
    for session, code in codes_for(event):
        span = session or event
        opens, closes = selectors.checkin_window(span.start, span.end)
        url = checkin_url(event, code.code)
        rows.append(
            {"session": session, "span": span, "code": code, "opens": opens, "closes": closes, "url": url,
             "qr": qr_data_uri(url)}
        )  # fmt: skip
    return _page(
        modeladmin,
        request,
        event,
        "admin/events/event/checkin.html",
        {
            "title": _("Check-in: %(event)s") % {"event": event},
            "rows": rows,
            "minutes": settings.CHECKIN_OPENS_MINUTES_BEFORE,
        },
    )


def completion_page(modeladmin, request, object_id):
    """Each confirmed participant's sessions attended, hours, whether the rule is met and their certificate."""
    event = _event_or_404(modeladmin, request, object_id)
    completions = completions_for(event)
    return _page(
        modeladmin,
        request,
        event,
        "admin/events/event/completion.html",
        {
            "title": _("Completion: %(event)s") % {"event": event},
            "completions": completions,
            "rule": event.get_completion_rule_display() or _("No rule: attending is enough"),
            "ended": course_end(event),
        },
    )
