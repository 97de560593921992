from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        help_text=_("We send a confirmation link to this address. The subscription starts when you open it."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class MemberSubscriptionForm(forms.Form):
    action = forms.ChoiceField(choices=[("subscribe", "subscribe"), ("unsubscribe", "unsubscribe")])
