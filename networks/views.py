"""The networks' public pages: the list, a network's page, joining and leaving, the member directory, and the page
where an invited person accepts an invitation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.ics import public_feed
from events.selectors import public_calendar_events, upcoming_events_for
from hyte_portal.page_cache import cached_for_visitors
from materials.selectors import materials_for_network

from . import selectors, services
from .models import Membership, Network

# Headings of the groups on the list page (the kinds' own labels are singular).
KIND_HEADINGS = {
    Network.Kind.GOOD_SPIRAL_THEME: gettext_lazy("Good Spiral theme networks"),
    Network.Kind.DIRECTOR_NETWORK: gettext_lazy("Director networks"),
    Network.Kind.COACHING_ALUMNI: gettext_lazy("Developer coaching alumni"),
    Network.Kind.INTERNAL_GROUP: gettext_lazy("Internal groups"),
}
UPCOMING_EVENTS_SHOWN = 10
MATERIALS_SHOWN = 20


@require_safe
@cached_for_visitors()
def network_list(request):
    networks = selectors.networks_for_list(request.user)
    groups = [
        {"kind": kind, "label": KIND_HEADINGS[kind], "networks": [n for n in networks if n.kind == kind]}
        for kind in Network.KIND_ORDER
    ]
    return render(request, "networks/network_list.html", {"groups": [g for g in groups if g["networks"]]})


@require_safe
@cached_for_visitors(shows_seats=True)
def network_detail(request, slug):
    network = selectors.network_for_page(slug)
    if network is None:
        raise Http404
    membership = selectors.membership_of(request.user, network)
    context = {
        "network": network,
        "roles": list(network.roles.all()),
        "membership": membership,
        "is_member": membership is not None and membership.is_active,
        "events": list(upcoming_events_for(request.user, network=network)[:UPCOMING_EVENTS_SHOWN]),
        "materials": list(materials_for_network(request.user, network)[:MATERIALS_SHOWN]),
    }
    return render(request, "networks/network_detail.html", context)


@require_safe
def network_calendar(request, slug):
    """The network's public events as a calendar subscription; an unknown or inactive network is a 404."""
    network = _active_network(slug)
    content = public_feed(public_calendar_events(network=network), name=network.name)
    return HttpResponse(
        content, content_type="text/calendar; charset=utf-8", headers={"Cache-Control": "public, max-age=900"}
    )


def _active_network(slug) -> Network:
    network = selectors.active_network(slug)
    if network is None:
        raise Http404
    return network


def _joined_message(membership, network) -> str:
    if membership.status == Membership.Status.ACTIVE:
        return _("Welcome! You are now a member of %(network)s.") % {"network": network.name}
    return _(
        "Your request to join %(network)s has been sent. Its coordinators will decide on it, "
        "and you will get an e-mail."
    ) % {"network": network.name}


def _left_message(membership, network) -> str:
    if membership.previous_status == Membership.Status.PENDING:
        return _("Your request to join %(network)s has been withdrawn.") % {"network": network.name}
    return _("You have left %(network)s.") % {"network": network.name}


def _change_membership(request, slug, service, success_message):
    """Run a membership service for the logged-in user and tell them the outcome on the network's page."""
    network = _active_network(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(network.get_absolute_url())
    try:
        membership = service(user=request.user, network=network)
    except services.MembershipError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, success_message(membership, network))
    return redirect(network)


@require_POST
def join(request, slug):
    return _change_membership(request, slug, services.join_network, _joined_message)


@require_http_methods(["GET", "HEAD", "POST"])
def leave(request, slug):
    """GET asks the member to confirm (leaving may need the coordinators' approval to come back); POST leaves."""
    if request.method == "POST":
        return _change_membership(request, slug, services.leave_network, _left_message)
    network = _active_network(slug)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    membership = selectors.membership_of(request.user, network)
    if membership is None or not (membership.is_active or membership.is_pending):
        return redirect(network)  # nothing to leave: the network's page tells what the visitor can do
    return render(request, "networks/leave_confirm.html", {"network": network, "membership": membership})


@require_safe
@login_required
def member_directory(request, slug):
    """The members who chose to be listed, for the network's active members; anyone else finds no such page."""
    network = _active_network(slug)
    if not selectors.is_active_member(request.user, network):
        raise Http404
    members = list(selectors.directory_members(network))
    return render(request, "networks/member_directory.html", {"network": network, "members": members})


@require_http_methods(["GET", "HEAD", "POST"])
def invitation(request, token):
    """GET shows the invitation (mail scanners open links, people press buttons); POST accepts it."""
    invitation = selectors.invitation_for_token(token)
    if invitation is None:
        context = {"problem": services.ERRORS["invitation_unknown"]}
        return render(request, "networks/invitation.html", context, status=404)
    problem = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.path)
        try:
            membership = services.accept_invitation(token=token, user=request.user)
        except services.MembershipError as error:
            problem = error.message
        else:
            messages.success(request, _joined_message(membership, membership.network))
            return redirect(membership.network)
    else:
        try:
            services.ensure_invitation_acceptable(invitation, user=request.user)
        except services.MembershipError as error:
            problem = error.message
    context = {"invitation": invitation, "network": invitation.network, "problem": problem}
    return render(request, "networks/invitation.html", context)
