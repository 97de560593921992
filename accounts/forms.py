"""Forms of a person's own account: the sign-up's extra fields, the profile, and deleting the account."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import services
from .models import User


class SignupExtraForm(forms.Form):
    """The name fields that allauth's sign-up form asks for besides e-mail and password."""

    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )

    def signup(self, request, user):
        services.update_profile(
            user=user, first_name=self.cleaned_data["first_name"], last_name=self.cleaned_data["last_name"]
        )


class ProfileForm(forms.ModelForm):
    """What a person tells about themselves; their name is required."""

    class Meta:
        model = User
        fields = User.PROFILE_FIELDS
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password, so that a borrowed session cannot do it."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."), code="wrong_password")
        return password
