from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from events.selectors import upcoming_events_for
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
def network_list(request):
    networks = list(selectors.networks_with_member_counts())
    statuses = selectors.membership_statuses(request.user)
    for network in networks:
        network.my_status = statuses.get(network.pk)
    groups = [
        {"kind": kind, "label": KIND_HEADINGS[kind], "networks": [n for n in networks if n.kind == kind]}
        for kind in Network.KIND_ORDER
    ]
    return render(request, "networks/network_list.html", {"groups": [g for g in groups if g["networks"]]})


@require_safe
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


@require_POST
def join(request, slug):
    network = get_object_or_404(Network, slug=slug, is_active=True)
    if not request.user.is_authenticated:
        return redirect_to_login(network.get_absolute_url())
    try:
        membership = services.join_network(user=request.user, network=network)
    except services.MembershipError as error:
        messages.error(request, error.message)
    else:
        if membership.status == Membership.Status.ACTIVE:
            messages.success(request, _("Welcome! You are now a member of %(network)s.") % {"network": network.name})
        else:
            messages.success(
                request,
                _(
                    "Your request to join %(network)s has been sent. Its coordinators will decide on it, "
                    "and you will get an e-mail."
                )
                % {"network": network.name},
            )
    return redirect(network)


@require_POST
def leave(request, slug):
    network = get_object_or_404(Network, slug=slug, is_active=True)
    if not request.user.is_authenticated:
        return redirect_to_login(network.get_absolute_url())
    try:
        membership = services.leave_network(user=request.user, network=network)
    except services.MembershipError as error:
        messages.error(request, error.message)
    else:
        if membership.previous_status == Membership.Status.PENDING:
            messages.success(
                request, _("Your request to join %(network)s has been withdrawn.") % {"network": network.name}
            )
        else:
            messages.success(request, _("You have left %(network)s.") % {"network": network.name})
    return redirect(network)


@require_safe
@login_required
def member_directory(request, slug):
    network = get_object_or_404(Network, slug=slug, is_active=True)
    if not selectors.is_active_member(request.user, network):
        return render(request, "networks/member_directory_forbidden.html", {"network": network}, status=403)
    members = list(selectors.directory_members(network))
    return render(request, "networks/member_directory.html", {"network": network, "members": members})
