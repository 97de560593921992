from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from hyte_portal.rate_limits import limit_exceeded

from . import services
from .forms import MemberSubscriptionForm, SubscribeForm
from .models import Subscriber
from .services import ConfirmationResult

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
            if user is not None and services.normalise_email(user.email) != services.normalise_email(
                form.cleaned_data["email"]
            ):
                user = None
            services.subscribe(email=form.cleaned_data["email"], language=get_language(), user=user)
            return redirect("newsletter:subscribed")
        else:
            status = 400
    return render(request, "newsletter/subscribe.html", {"form": form}, status=status)


@require_safe
def subscribed(request):
    return render(request, "newsletter/subscribed.html")


def _link_page(request, *, title, text, status=200, form_action=None, button=None):
    context = {"title": title, "text": text, "form_action": form_action, "button": button}
    return render(request, "newsletter/link_page.html", context, status=status)


def _invalid_link(request):
    return _link_page(
        request,
        title=_("This link is not valid"),
        text=_(
            "The link may be incomplete or out of date. Copy the whole address from the message, or subscribe "
            "again on this page."
        ),
        status=404,
    )


CONFIRMATION_PAGES = {
    ConfirmationResult.ALREADY_CONFIRMED: (
        gettext_lazy("Your subscription is already confirmed"),
        gettext_lazy("You receive the newsletter at this address. There is nothing more to do."),
        200,
    ),
    ConfirmationResult.EXPIRED: (
        gettext_lazy("This confirmation link has expired"),
        gettext_lazy("Confirmation links are valid for 7 days. Subscribe again and we will send you a new link."),
        410,
    ),
    ConfirmationResult.UNSUBSCRIBED: (
        gettext_lazy("This subscription has been cancelled"),
        gettext_lazy("The address was taken off the list. Subscribe again if you want to receive the newsletter."),
        410,
    ),
}


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET shows a button (mail scanners follow links, people press buttons); POST confirms."""
    subscriber = services.find_by_token(token)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST":
        result = services.confirm(token=token)
        if result == ConfirmationResult.CONFIRMED:
            return redirect("newsletter:confirmed")
    else:
        result = services.confirmation_state(subscriber)
    if result in CONFIRMATION_PAGES:
        title, text, status = CONFIRMATION_PAGES[result]
        return _link_page(request, title=title, text=text, status=status)
    return _link_page(
        request,
        title=_("Confirm your subscription"),
        text=_("Press the button to start receiving the HYTE newsletter at %(email)s.") % {"email": subscriber.email},
        form_action=request.path,
        button=_("Confirm the subscription"),
    )


@require_safe
def confirmed(request):
    return _link_page(
        request,
        title=_("Thank you, your subscription is confirmed"),
        text=_("The next issue of the newsletter will come to your inbox. Each issue has a link to unsubscribe."),
    )


@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without cookies or a form
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The personal unsubscribe link: GET asks, POST (a person or a one-click mail client) unsubscribes."""
    subscriber = services.find_by_token(token)
    if subscriber is None:
        return _invalid_link(request)
    if request.method == "POST":
        services.unsubscribe(subscriber=subscriber)
        return _link_page(
            request,
            title=_("You have unsubscribed"),
            text=_("%(email)s will not receive the newsletter any more. You can subscribe again at any time.")
            % {"email": subscriber.email},
        )
    if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        return _link_page(
            request,
            title=_("You have already unsubscribed"),
            text=_("%(email)s does not receive the newsletter. You can subscribe again at any time.")
            % {"email": subscriber.email},
        )
    return _link_page(
        request,
        title=_("Unsubscribe from the newsletter"),
        text=_("Press the button to stop sending the HYTE newsletter to %(email)s.") % {"email": subscriber.email},
        form_action=request.path,
        button=_("Unsubscribe"),
    )


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
        for subscriber in Subscriber.objects.filter(email__iexact=request.user.email):
            services.unsubscribe(subscriber=subscriber)
        messages.success(request, _("You will not receive the newsletter any more."))
    return redirect("accounts:my_page")
