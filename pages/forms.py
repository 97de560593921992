"""The feedback form of the contact page (also the accessibility statement's feedback channel)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feedback

MESSAGE_MAX_LENGTH = 5000
HONEYPOT_FIELD = "website"


class HoneypotInput(forms.TextInput):
    """A text field that people never see (its wrapper is display: none) and bots fill in."""

    template_name = "pages/widgets/honeypot.html"
    is_hidden = True  # rendered with the form's hidden fields, without a visible label

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})


class FeedbackForm(forms.Form):
    topic = forms.ChoiceField(label=_("Topic"), choices=Feedback.Topic.choices, initial=Feedback.Topic.OTHER)
    message = forms.CharField(
        label=_("Message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("At most 5,000 characters."),
    )
    page = forms.CharField(
        label=_("The page it concerns"),
        required=False,
        max_length=500,
        help_text=_("The address or name of the page, if your message is about a particular page."),
    )
    name = forms.CharField(
        label=_("Your name"), required=False, max_length=200, widget=forms.TextInput(attrs={"autocomplete": "name"})
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        max_length=254,
        help_text=_("Needed only if you would like an answer."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    wants_reply = forms.BooleanField(label=_("I would like an answer by e-mail"), required=False)
    website = forms.CharField(label=_("Leave this field empty"), required=False, widget=HoneypotInput())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("wants_reply") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error("email", _("Give your e-mail address so that we can answer you."))
        return cleaned

    def is_from_a_bot(self) -> bool:
        """True when the hidden field was filled in: a person never sees it, a form-filling bot does."""
        return bool(self.cleaned_data.get(HONEYPOT_FIELD, "").strip())

    def feedback_values(self) -> dict:
        """The cleaned values as services.submit_feedback takes them."""
        return {name: self.cleaned_data[name] for name in ("topic", "message", "page", "name", "email", "wants_reply")}
