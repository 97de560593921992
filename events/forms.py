from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import Network

from .models import Enrollment, Event


class EventFilterForm(forms.Form):
    """The filters of the events page; unknown values are ignored rather than refused."""

    network = forms.ModelChoiceField(
        label=_("Network"),
        queryset=Network.objects.filter(is_active=True),
        required=False,
        to_field_name="slug",
        empty_label=_("All networks"),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=[("", _("All kinds")), *Event.Kind.choices], required=False)
    format = forms.ChoiceField(
        label=_("Format"), choices=[("", _("All formats")), *Event.Format.choices], required=False
    )
    past = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def filters(self) -> dict:
        """The valid filters; an invalid one (a forged or stale value) is simply left out."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return {"network": data.get("network"), "kind": data.get("kind") or "", "format": data.get("format") or ""}


class EnrollmentForm(forms.Form):
    """The enrolment form: the participation mode of a hybrid event and the event's own questions."""

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        modes = event.participation_modes()
        if len(modes) > 1:
            self.fields["mode"] = forms.ChoiceField(
                label=_("How do you take part?"),
                choices=[(mode, Enrollment.Mode(mode).label) for mode in modes],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose whether you take part on site or online."),
                    "invalid_choice": _("Choose whether you take part on site or online."),
                },
            )
        for question in event.question_list():
            self.fields[f"q_{question['key']}"] = forms.CharField(
                label=question["label"],
                required=question["required"],
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def mode(self) -> str:
        return self.cleaned_data.get("mode", "")

    def answers(self) -> dict:
        return {
            name.removeprefix("q_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q_") and value
        }


class CheckinForm(forms.Form):
    """The code a participant reads from the room's screen (or that the QR code fills in)."""

    code = forms.CharField(
        label=_("Check-in code"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}),
        error_messages={"required": _("Enter the check-in code shown at the session.")},
    )


class WriteToParticipantsForm(forms.Form):
    statuses = forms.MultipleChoiceField(
        label=_("Recipients"),
        choices=[
            ("confirmed", _("All confirmed participants")),
            ("waitlisted", _("Everyone on the waiting list")),
            ("attended", _("Those who attended")),
        ],
        widget=forms.CheckboxSelectMultiple,
    )
    subject_fi = forms.CharField(label=_("Subject in Finnish"), max_length=200)
    message_fi = forms.CharField(label=_("Message in Finnish"), widget=forms.Textarea(attrs={"rows": 6}))
    subject_sv = forms.CharField(label=_("Subject in Swedish"), max_length=200, required=False)
    message_sv = forms.CharField(
        label=_("Message in Swedish"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    subject_en = forms.CharField(label=_("Subject in English"), max_length=200, required=False)
    message_en = forms.CharField(
        label=_("Message in English"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )


class GenerateOccurrencesForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many occurrences"),
        min_value=1,
        max_value=36,
        initial=6,
        help_text=_("Occurrences that already exist are kept as they are; only the missing ones are created."),
    )
