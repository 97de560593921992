"""The newsletter's public pages: the sign-up form, the confirmation and unsubscribe links that e-mails carry,
and a member's own subscription on my page."""

from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils.functional import Promise
from django.utils.translation import get_language, gettext_lazy, ngettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hyte_portal.rate_limits import limit_exceeded

from . import selectors, services
from .forms import MemberSubscriptionForm, SubscribeForm
from .models import Subscriber
from .selectors import ConfirmationResult

SUBSCRIBE_LIMIT = 20  # sign-ups per client address per hour


def _too_many_sign_ups(request) -> bool:
    return limit_exceeded(request, action="newsletter-subscribe", limit=SUBSCRIBE_LIMIT, seconds=3600)


@require_http_methods(["GET", "HEAD", "POST"])
def subscribe(request):
    form = SubscribeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if _too_many_sign_ups(request):
            form.add_error(None, _("Too many sign-ups from your network. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            user = request.user if request.user.is_authenticated else None
            services.subscribe(email=form.cleaned_data["email"], language=get_language(), user=user)
            return redirect("newsletter:subscribed")
        else:
            status = 400
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


@require_safe
def subscribed(request):
    return render(request, "newsletter/subscribed.html", {"days": settings.NEWSLETTER_CONFIRMATION_DAYS})


@dataclass(frozen=True)
class LinkPage:
    """What a page opened from a link in an e-mail says; with a `button`, a POST to the same link acts."""

    title: Promise
    text: Promise  # may name %(email)s (the subscriber's address) and %(days)s (how long a link is valid)
    status: int = 200
    button: Promise | None = None


INVALID_LINK = LinkPage(
    gettext_lazy("This link is not valid"),
    gettext_lazy(
        "The link may be incomplete or out of date. Copy the whole address from the message, or subscribe "
        "again on this page."
    ),
    status=404,
)
CONFIRMATION_PAGES = {
    ConfirmationResult.PENDING: LinkPage(
        gettext_lazy("Confirm your subscription"),
        gettext_lazy("Press the button to start receiving the HYTE newsletter at %(email)s."),
        button=gettext_lazy("Confirm the subscription"),
    ),
    ConfirmationResult.CONFIRMED: LinkPage(
        gettext_lazy("Thank you, your subscription is confirmed"),
        gettext_lazy("The next issue of the newsletter will come to your inbox. Each issue has a link to unsubscribe."),
    ),
    ConfirmationResult.ALREADY_CONFIRMED: LinkPage(
        gettext_lazy("Your subscription is already confirmed"),
        gettext_lazy("You receive the newsletter at this address. There is nothing more to do."),
    ),
    ConfirmationResult.EXPIRED: LinkPage(
        gettext_lazy("This confirmation link has expired"),
        ngettext_lazy(
            "Confirmation links are valid for %(days)s day. Subscribe again and we will send you a new link.",
            "Confirmation links are valid for %(days)s days. Subscribe again and we will send you a new link.",
            "days",
        ),
        status=410,
    ),
    ConfirmationResult.UNSUBSCRIBED: LinkPage(
        gettext_lazy("This subscription has been cancelled"),
        gettext_lazy("The address was taken off the list. Subscribe again if you want to receive the newsletter."),
        status=410,
    ),
    ConfirmationResult.INVALID: INVALID_LINK,
}
CONFIRM_AGAIN_PAGE = LinkPage(
    gettext_lazy("Confirm your subscription"),
    gettext_lazy(
        "Your request could not be checked, perhaps because the page was open for a long time or cookies are "
        "blocked. Press the button again to start receiving the HYTE newsletter at %(email)s."
    ),
    status=403,
    button=gettext_lazy("Confirm the subscription"),
)
UNSUBSCRIBE_PAGE = LinkPage(
    gettext_lazy("Unsubscribe from the newsletter"),
    gettext_lazy("Press the button to stop sending the HYTE newsletter to %(email)s."),
    button=gettext_lazy("Unsubscribe"),
)
UNSUBSCRIBED_PAGE = LinkPage(
    gettext_lazy("You have unsubscribed"),
    gettext_lazy("%(email)s will not receive the newsletter any more. You can subscribe again at any time."),
)
UNSUBSCRIBE_AGAIN_PAGE = LinkPage(
    gettext_lazy("Unsubscribe from the newsletter"),
    gettext_lazy(
        "Your request could not be checked, perhaps because the page was open for a long time or cookies are "
        "blocked. Press the button again to stop sending the HYTE newsletter to %(email)s."
    ),
    status=403,
    button=gettext_lazy("Unsubscribe"),
)
ALREADY_UNSUBSCRIBED_PAGE = LinkPage(
    gettext_lazy("You have already unsubscribed"),
    gettext_lazy("%(email)s does not receive the newsletter. You can subscribe again at any time."),
)


def _link_page(request, page: LinkPage, subscriber: Subscriber | None = None):
    values = {"email": subscriber.email if subscriber else "", "days": settings.NEWSLETTER_CONFIRMATION_DAYS}
    context = {
        "title": page.title,
        "text": page.text % values,
        "form_action": request.path if page.button else None,
        "button": page.button,
    }
    return render(request, "newsletter/link_page.html", context, status=page.status)


def _personal_link(find_subscriber):
    """A page of a personal link: GET and POST only; a token that `find_subscriber` does not know (malformed,
    expired, or the other link's token) gets INVALID_LINK, whatever the method, and changes nothing."""

    def decorator(view):
        @require_http_methods(["GET", "HEAD", "POST"])
        @wraps(view)
        def with_subscriber(request, token):
            subscriber = find_subscriber(token)
            if subscriber is None:
                return _link_page(request, INVALID_LINK)
            return view(request, subscriber)

        return with_subscriber

    return decorator


@csrf_exempt  # checked below, so that a failed check asks again in the page's language, not in Django's words
@_personal_link(selectors.find_by_confirmation_token)
def confirm(request, subscriber):
    """GET shows a button (mail scanners follow links, people press buttons); POST with the page's CSRF token
    confirms. A POST without it (a scanner, another site's form) shows the question again (403)."""
    if request.method == "POST" and _passes_csrf_check(request):
        result = services.confirm(subscriber=subscriber)
        if result == ConfirmationResult.CONFIRMED:
            return redirect("newsletter:confirmed")
        return _link_page(request, CONFIRMATION_PAGES[result], subscriber)
    result = selectors.confirmation_state(subscriber)
    if request.method == "POST" and result == ConfirmationResult.PENDING:
        return _link_page(request, CONFIRM_AGAIN_PAGE, subscriber)
    return _link_page(request, CONFIRMATION_PAGES[result], subscriber)


@require_safe
def confirmed(request):
    return _link_page(request, CONFIRMATION_PAGES[ConfirmationResult.CONFIRMED])


def _is_one_click(request) -> bool:
    """RFC 8058: a mail client's one-click POST carries this one field, and no cookie or CSRF token."""
    return request.POST.get("List-Unsubscribe") == "One-Click"


def _passes_csrf_check(request) -> bool:
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is None


@csrf_exempt  # checked below, unless the POST is RFC 8058's one-click POST from a mail client
@_personal_link(selectors.find_by_unsubscribe_token)
def unsubscribe(request, subscriber):
    """The personal unsubscribe link: GET asks, POST (the page's button, or a one-click mail client) unsubscribes.

    Any other POST, such as a scanner's without the page's CSRF token, shows the question again (403)."""
    if request.method == "POST" and (_is_one_click(request) or _passes_csrf_check(request)):
        services.unsubscribe(subscriber_ids=[subscriber.pk])
        return _link_page(request, UNSUBSCRIBED_PAGE, subscriber)
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return _link_page(request, ALREADY_UNSUBSCRIBED_PAGE, subscriber)
    if request.method == "POST":
        return _link_page(request, UNSUBSCRIBE_AGAIN_PAGE, subscriber)
    return _link_page(request, UNSUBSCRIBE_PAGE, subscriber)


@login_required
@require_POST
def member_subscription(request):
    form = MemberSubscriptionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose whether to subscribe or unsubscribe."))
    elif form.cleaned_data["action"] == "subscribe":
        services.subscribe_member(user=request.user)
        messages.success(request, _("You now receive the newsletter at %(email)s.") % {"email": request.user.email})
    else:
        services.unsubscribe_address(email=request.user.email)
        messages.success(request, _("You will not receive the newsletter any more."))
    return redirect("accounts:my_page")
