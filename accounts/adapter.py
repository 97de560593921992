from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import PermissionDenied
from django.utils import translation

from hyte_portal.client_address import client_ip


class AccountAdapter(DefaultAccountAdapter):
    """Remembers the language a person signed up in, so that e-mails reach them in it; reads the client address
    for allauth's rate limits the way the rest of the portal does (TRUSTED_PROXY_COUNT)."""

    def save_user(self, request, user, form, commit=True):
        language = translation.get_language() or "fi"
        user.preferred_language = language[:2] if language[:2] in ("fi", "sv", "en") else "fi"
        return super().save_user(request, user, form, commit=commit)

    def get_client_ip(self, request) -> str:
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine the client's IP address.")
        return ip
