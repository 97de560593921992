"""The e-mails of the membership life cycle: what goes into them (hyte_portal.emails renders and sends)."""

from django.conf import settings
from django.utils import translation

from .models import Membership

DECISION_TEMPLATES = {
    Membership.Status.ACTIVE: "networks/emails/membership_approved",
    Membership.Status.REJECTED: "networks/emails/membership_rejected",
}


def decision_email_kwargs(membership: Membership) -> dict:
    """Arguments for hyte_portal.emails.send_email telling the member the decision on their request."""
    user = membership.user
    language = user.preferred_language or settings.LANGUAGE_CODE
    network = membership.network
    with translation.override(language):
        network_url = settings.SITE_URL + network.get_absolute_url()
        network_name = network.name
    contacts = [
        {"name": role.display_name, "role": role.get_role_display(), "email": role.contact_email}
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
