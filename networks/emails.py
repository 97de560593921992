"""The e-mails of the membership life cycle and the invitations: what goes into them (hyte_portal.emails renders
and sends)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode

from accounts.selectors import user_with_email
from hyte_portal.emails import render_email

from .models import Invitation, Membership

DECISION_TEMPLATES = {
    Membership.Status.ACTIVE: "networks/emails/membership_approved",
    Membership.Status.REJECTED: "networks/emails/membership_rejected",
}


def decision_email_kwargs(membership: Membership) -> dict:
    """Arguments for hyte_portal.emails.send_email telling the member the decision on their request."""
    user = membership.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    network = membership.network
    with translation.override(language):  # names, links and roles in the member's language
        network_url = settings.SITE_URL + network.get_absolute_url()
        network_name = network.name
        contacts = [
            {"name": role.display_name, "role": str(role.get_role_display()), "email": role.contact_email}
            for role in network.roles.select_related("user")
            if role.contact_email
        ]
    return {
        "template": DECISION_TEMPLATES[membership.status],
        "to": user.email,
        "language": language,
        "context": {
            "recipient_name": user.get_full_name() or user.email,
            "network_name": network_name,
            "network_url": network_url,
            "contacts": contacts,
        },
    }


def request_recipients(network):
    """The network's role holders who can decide in the admin: active staff users, each once."""
    return list(
        get_user_model()
        .objects.filter(network_roles__network=network, is_staff=True, is_active=True)
        .distinct()
        .order_by("pk")
    )


def request_emails(membership: Membership) -> list:
    """Rendered messages telling each coordinator of the network that a request to join waits for them."""
    person = membership.user
    network = membership.network
    query = urlencode({"network__id__exact": network.pk, "status__exact": Membership.Status.PENDING})
    admin_url = f"{settings.SITE_URL}{reverse('admin:networks_membership_changelist')}?{query}"
    messages = []
    for coordinator in request_recipients(network):
        language = coordinator.preferred_language or settings.LANGUAGE_CODE
        with translation.override(language):
            network_name = network.name
        messages.append(
            render_email(
                template="networks/emails/membership_requested",
                to=coordinator.email,
                language=language,
                context={
                    "recipient_name": coordinator.get_full_name() or coordinator.email,
                    "network_name": network_name,
                    "person_name": person.get_full_name() or person.email,
                    "person_email": person.email,
                    "person_job_title": person.job_title,
                    "person_organisation": person.organisation,
                    "admin_url": admin_url,
                },
            )
        )
    return messages


def invitation_email_kwargs(invitation: Invitation) -> dict:
    """Arguments for hyte_portal.emails.send_email inviting an address to join a network, with the link to accept.

    In the language of the account that uses the address, if there is one, or else in the one the coordinator chose.
    """
    account = user_with_email(invitation.email)
    language = account.preferred_language if account is not None else invitation.language
    network = invitation.network
    inviter = invitation.invited_by
    with translation.override(language):  # the links' language prefix and the network's name
        accept_url = settings.SITE_URL + reverse("networks:invitation", kwargs={"token": invitation.token})
        network_url = settings.SITE_URL + network.get_absolute_url()
        network_name = network.name
    return {
        "template": "networks/emails/invitation",
        "to": invitation.email,
        "language": language,
        "context": {
            "inviter_name": (inviter.get_full_name() or inviter.email) if inviter is not None else "",
            "network_name": network_name,
            "network_url": network_url,
            "email": invitation.email,
            "accept_url": accept_url,
            "expires_at": invitation.expires_at,
        },
    }
