"""The self-assessment form (a rating, a note and an evidence link per checklist item) and the regional table's
date filter."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from materials.fields import WebAddressFormField

from .models import Answer, Rating
from .services import AnswerInput


class AssessmentForm(forms.Form):
    """One fieldset per checklist item; `groups` is selectors.checklist() of the assessment's version."""

    assessed_on = forms.DateField(
        label=_("Date of the assessment"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("For example the day the county's management group went through the checklist."),
    )

    def __init__(self, *args, groups, answers=None, **kwargs):
        """`answers` maps item ids to the stored Answer rows, for the initial values."""
        super().__init__(*args, **kwargs)
        self.groups = groups
        answers = answers or {}
        for group in groups:
            for item in group.item_list:
                answer = answers.get(item.pk)
                self.fields[f"rating_{item.pk}"] = forms.ChoiceField(
                    label=_("Rating"),
                    choices=Rating.choices,
                    widget=forms.RadioSelect,
                    required=False,
                    initial=answer.rating if answer else None,
                )
                self.fields[f"note_{item.pk}"] = forms.CharField(
                    label=_("Note (optional)"),
                    widget=forms.Textarea(attrs={"rows": 2}),
                    max_length=Answer._meta.get_field("note").max_length,
                    required=False,
                    initial=answer.note if answer else "",
                )
                self.fields[f"evidence_{item.pk}"] = WebAddressFormField(
                    label=_("Evidence link (optional)"),
                    help_text=_("A web address (https://...) of a plan, report or decision that shows it."),
                    max_length=Answer._meta.get_field("evidence_url").max_length,
                    required=False,
                    initial=answer.evidence_url if answer else "",
                )

    def item_fields(self):
        """For the template: each group with its items' three bound fields."""
        return [
            (
                group,
                [
                    (item, self[f"rating_{item.pk}"], self[f"note_{item.pk}"], self[f"evidence_{item.pk}"])
                    for item in group.item_list
                ],
            )
            for group in self.groups
        ]

    def clean_assessed_on(self):
        value = self.cleaned_data["assessed_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date of the assessment cannot be in the future."))
        return value

    def answers(self) -> dict[int, AnswerInput]:
        """The valid form's answers for services.save_draft: item id -> AnswerInput."""
        return {
            item.pk: AnswerInput(
                rating=self.cleaned_data[f"rating_{item.pk}"],
                note=self.cleaned_data[f"note_{item.pk}"].strip(),
                evidence_url=self.cleaned_data[f"evidence_{item.pk}"],
            )
            for group in self.groups
            for item in group.item_list
        }


class RegionalDateForm(forms.Form):
    """Staff look at the regional table as it stood on a past date."""

    on = forms.DateField(
        label=_("Situation on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Each county's latest assessment published with a date on or before this day."),
    )

    def date(self):
        """The chosen date, or today when none or an invalid one was given."""
        if self.is_bound and self.is_valid() and self.cleaned_data["on"]:
            return min(self.cleaned_data["on"], timezone.localdate())
        return timezone.localdate()
