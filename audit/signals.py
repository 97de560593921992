"""Trail entries for what allauth and Django do themselves: staff logins and changes of a second factor.

These are the only entries not written by a service of ours, since the views that take these decisions are
allauth's; the receivers run inside the request that made the change.
"""

from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_reset
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from . import services


@receiver(user_logged_in, dispatch_uid="audit_staff_login")
def staff_logged_in(sender, request, user, **kwargs):
    if user.is_staff:
        services.record(actor=user, action="account.staff_login", obj=user, person=user)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def login_failed(sender, credentials, request=None, **kwargs):
    """A failed password for a staff account is worth a trace (a guessing attack on the admin)."""
    from django.contrib.auth import get_user_model

    identifier = str(credentials.get("email") or credentials.get("username") or "")[:254]
    user = get_user_model().objects.filter(email__iexact=identifier, is_staff=True).first() if identifier else None
    if user is not None:
        services.record(actor=None, action="account.staff_login_failed", obj=user, person=user)


def _authenticator_changed(action):
    def receiver_function(sender, request, user, authenticator, **kwargs):
        services.record(actor=user, action=action, obj=user, person=user, details={"type": authenticator.type})

    return receiver_function


authenticator_added.connect(_authenticator_changed("mfa.added"), dispatch_uid="audit_mfa_added", weak=False)
authenticator_removed.connect(_authenticator_changed("mfa.removed"), dispatch_uid="audit_mfa_removed", weak=False)
authenticator_reset.connect(_authenticator_changed("mfa.reset"), dispatch_uid="audit_mfa_reset", weak=False)
