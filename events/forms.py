from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from networks.models import Network

from .errors import MESSAGES
from .models import Enrollment, Event
from .selectors import seats_left
from .services.mode_switch import IfFull


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


def mode_choice_label(event: Event, mode: str) -> str:
    """A mode as the enrolment form offers it at a hybrid event, with what is left of its seats."""
    left = seats_left(event, mode)
    label = Enrollment.Mode(mode).label
    if left is None:
        return label
    if left == 0:
        return _("%(mode)s (full: you join the waiting list)") % {"mode": label}
    return ngettext("%(mode)s (%(seats)d seat left)", "%(mode)s (%(seats)d seats left)", left) % {
        "mode": label,
        "seats": left,
    }


class QuestionFieldsMixin:
    """The event's own questions as fields (q_<key>). At a hybrid event the on-site ones are required only of
    those who choose on site, which clean() checks once the mode is known."""

    def add_question_fields(self, event: Event, mode: str = ""):
        self.onsite_required = []
        for question in event.question_list(mode):
            required = question["required"]
            if question["onsite"] and event.is_hybrid and not mode:
                if required:
                    self.onsite_required.append(question)
                required = False
            self.fields[f"q_{question['key']}"] = forms.CharField(
                label=question["label"],
                required=required,
                max_length=1000,
                widget=forms.Textarea(attrs={"rows": 2, "data-onsite": "1" if question["onsite"] else "0"}),
            )

    def check_onsite_answers(self, mode: str):
        if mode != Enrollment.Mode.ONSITE:
            return
        for question in self.onsite_required:
            if not self.cleaned_data.get(f"q_{question['key']}"):
                self.add_error(f"q_{question['key']}", _("Please answer this question if you take part on site."))

    def answers(self) -> dict:
        return {
            name.removeprefix("q_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("q_") and value
        }


class EnrollmentForm(QuestionFieldsMixin, forms.Form):
    """The enrolment form: the participation mode of a hybrid event and the event's own questions (on-site ones
    only for those taking part on site)."""

    def __init__(self, *args, event: Event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        modes = event.participation_modes()
        if len(modes) > 1:
            self.fields["mode"] = forms.ChoiceField(
                label=_("How do you take part?"),
                choices=[(mode, mode_choice_label(event, mode)) for mode in modes],
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose whether you take part on site or online."),
                    "invalid_choice": _("Choose whether you take part on site or online."),
                },
            )
        self.add_question_fields(event, "" if len(modes) > 1 else modes[0])

    def clean(self):
        cleaned = super().clean()
        self.check_onsite_answers(self.mode())
        return cleaned

    def mode(self) -> str:
        return self.cleaned_data.get("mode", "")


class ModeSwitchForm(QuestionFieldsMixin, forms.Form):
    """Switching a hybrid event's enrolment to the other mode: what to do if it is full, and the on-site
    questions when switching on site."""

    def __init__(self, *args, enrollment: Enrollment, **kwargs):
        super().__init__(*args, **kwargs)
        event = enrollment.event
        self.target = next(mode for mode in event.participation_modes() if mode != enrollment.mode)
        self.target_label = Enrollment.Mode(self.target).label
        self.target_full = seats_left(event, self.target) == 0
        choices = IfFull.choices
        if enrollment.status != Enrollment.Status.CONFIRMED:
            choices = [(IfFull.GIVE_UP_SEAT.value, _("Move to that waiting list")), IfFull.choices[2]]
        self.fields["if_full"] = forms.ChoiceField(
            label=_("If there is no free seat"),
            choices=choices,
            initial=choices[0][0],
            widget=forms.RadioSelect,
            error_messages={"required": MESSAGES["bad_if_full"], "invalid_choice": MESSAGES["bad_if_full"]},
        )
        if self.target == Enrollment.Mode.ONSITE:
            self.add_question_fields(event, self.target)
            for question in event.question_list(self.target):
                field = self.fields[f"q_{question['key']}"]
                field.initial = (enrollment.answers or {}).get(question["key"], "")
        else:
            self.onsite_required = []

    def if_full(self) -> str:
        return self.cleaned_data["if_full"]


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


class StaffEnrollForm(forms.Form):
    """Staff enrol a person directly from the admin: the person's account by e-mail, and the mode."""

    email = forms.EmailField(label=_("The person's e-mail address"))
    mode = forms.ChoiceField(
        label=_("Participation mode"),
        choices=[("", _("The event's own (not hybrid)")), *Enrollment.Mode.choices],
        required=False,
    )

    def clean_email(self):
        from django.contrib.auth import get_user_model

        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this e-mail address."))
        self.person = user
        return email
