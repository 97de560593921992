"""How allauth behaves in this portal: the sign-up language, e-mails in the portal's standard, login limits."""

import logging

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import ratelimit
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.template.loader import render_to_string
from django.utils import translation

from hyte_portal.client_address import client_ip
from hyte_portal.emails import render_email
from hyte_portal.lookups import email_matches

logger = logging.getLogger(__name__)

PORTAL_LANGUAGES = ("fi", "sv", "en")
# allauth's messages that anyone can have sent to any address by typing it into the sign-up form.
SIGNUP_MAILS = ("account/email/email_confirmation_signup", "account/email/account_already_exists")


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """Remember the language a person signed up in, so that e-mails reach them in it."""
        language = translation.get_language() or "fi"
        user.preferred_language = language[:2] if language[:2] in PORTAL_LANGUAGES else "fi"
        return super().save_user(request, user, form, commit=commit)

    def send_mail(self, template_prefix, email, context):
        """allauth's messages as the portal's: text and HTML in its frame, in the account's own language, with
        Auto-Submitted and a Message-ID of the portal's domain. Sign-up messages to one address are limited
        (ACCOUNT_RATE_LIMITS["signup_mail"]), so that the form cannot be used to flood someone's inbox."""
        request = context.get("request") or self._current_request()
        if template_prefix in SIGNUP_MAILS and request is not None:
            if not ratelimit.consume(request, action="signup_mail", key=email.strip().lower()):
                logger.info("sign-up mail to one address limited; not sent")
                return
        language = self._language_for(email, context)
        with translation.override(language):
            full_context = {"request": request, "email": email, **context}
            if request is not None:
                from django.contrib.sites.shortcuts import get_current_site

                full_context.setdefault("current_site", get_current_site(request))
            subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", full_context).split())
            body = render_to_string(f"{template_prefix}_message.txt", full_context)
        message = render_email(
            template="account/email/portal",
            to=email,
            language=language,
            context={"subject": self.format_email_subject(subject), "body": body},
        )
        message.send()

    @staticmethod
    def _current_request():
        from allauth.core import context as allauth_context

        return getattr(allauth_context, "request", None)

    @staticmethod
    def _language_for(email, context) -> str:
        """The account's preferred language; for an address with no account, the language of the page."""
        user = context.get("user")
        if user is None or not getattr(user, "pk", None):
            user = get_user_model().objects.filter(email_matches(email)).first()
        language = getattr(user, "preferred_language", "") or (translation.get_language() or "fi")[:2]
        return language if language in PORTAL_LANGUAGES else "fi"

    def get_client_ip(self, request):
        """allauth's rate limits read the client address the way the rest of the portal does (TRUSTED_PROXY_COUNT)."""
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine the client's IP address.")
        return ip

    def _get_login_attempts_cache_key(self, request, **credentials):
        """Failed logins are counted per account AND address of origin, so that a stranger's wrong passwords
        cannot lock a member out of their account (the per-address limit still stops guessing from one place)."""
        from allauth.core.internal.ratelimit import get_ip

        return f"{super()._get_login_attempts_cache_key(request, **credentials)}:{get_ip(request)}"
