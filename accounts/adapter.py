from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Remembers the language a person signed up in, so that e-mails reach them in it."""

    def save_user(self, request, user, form, commit=True):
        language = translation.get_language() or "fi"
        user.preferred_language = language[:2] if language[:2] in ("fi", "sv", "en") else "fi"
        return super().save_user(request, user, form, commit=commit)
