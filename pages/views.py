"""The legal and content pages, the feedback form on the contact page, and its thank-you page."""

from django.conf import settings
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from hyte_portal.rate_limits import limit_exceeded

from . import services
from .forms import FeedbackForm
from .models import FEEDBACK_ANSWER_DAYS, ContentPage, Feedback

FEEDBACK_LIMIT, FEEDBACK_LIMIT_SECONDS = 5, 600  # messages per client address in ten minutes


@require_safe
def content_page(request, kind: str):
    page = get_object_or_404(ContentPage, kind=kind)
    return render(request, f"pages/{kind}.html", {"page": page, "answer_days": FEEDBACK_ANSWER_DAYS})


@require_http_methods(["GET", "HEAD", "POST"])
def contact(request):
    """The unit's contact details and the feedback form; a message is stored and staff are e-mailed."""
    page = get_object_or_404(ContentPage, kind=ContentPage.Kind.CONTACT)
    status = 200
    if request.method == "POST":
        form = FeedbackForm(request.POST)
        if limit_exceeded(request, action="feedback", limit=FEEDBACK_LIMIT, seconds=FEEDBACK_LIMIT_SECONDS):
            form.add_error(None, _("You have sent several messages in a short time. Please try again in 10 minutes."))
            status = 429
        elif form.is_valid():
            if not form.is_from_a_bot():  # a bot is thanked like anyone, so that it learns nothing
                services.submit_feedback(**form.feedback_values(), language=_page_language())
            return redirect("pages:contact_thanks")
        else:
            status = 400
    else:
        form = FeedbackForm(initial=_initial_values(request))
    context = {"page": page, "form": form, "answer_days": FEEDBACK_ANSWER_DAYS}
    return render(request, "pages/contact.html", context, status=status)


@require_safe
def contact_thanks(request):
    return render(request, "pages/contact_thanks.html")


def _initial_values(request) -> dict:
    """A member's name and address filled in; links such as the accessibility statement's preselect the topic and
    name the page (?topic=...&page=...)."""
    initial = {}
    if request.user.is_authenticated:
        initial.update(name=request.user.get_full_name(), email=request.user.email)
    query = request.GET
    if query.get("topic") in Feedback.Topic.values:
        initial["topic"] = query["topic"]
    page = query.get("page", "").replace("\x00", "")[:500]
    if page:
        initial["page"] = page
    return initial


def _page_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
