"""The statistics' filters: a year or a date range, and a network of those the person may see."""

import datetime as dt

from django import forms
from django.conf import settings
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from networks.models import Network

from .scope import ReportScope

FIRST_YEAR = 2000
LONGEST_PERIOD_YEARS = 5

ERRORS = {
    "half_range": _("Give both the first and the last day of the period, or choose a year."),
    "reversed": _("The period ends before it starts. Check the dates."),
    "too_long": _("Choose a period of at most %(years)d years."),
    "out_of_range": _("Choose dates between %(first)s and %(last)s."),
    "year_out_of_range": _("Choose a year between %(first)d and %(last)d."),
    "no_network": _("There is no network with that number."),
    "not_your_network": _("You can see the statistics of your own networks only."),
}


def last_year_allowed() -> int:
    return timezone.localdate().year + 1


class StatisticsFilterForm(forms.Form):
    """Read from the query string; a date range, when given, replaces the year.

    `networks` are the networks the person may pick (all for staff, their own for a coordinator) and
    `limited_to` the ids a coordinator is limited to (None for staff).
    """

    year = forms.IntegerField(label=_("Year"), required=False, min_value=FIRST_YEAR, max_value=9999)
    first_day = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    last_day = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    network = forms.IntegerField(label=_("Network"), required=False, min_value=1, max_value=2**31 - 1)

    def __init__(self, data=None, *, networks, limited_to=None, **kwargs):
        super().__init__(data, **kwargs)
        self.networks = networks
        self.limited_to = limited_to
        this_year = timezone.localdate().year
        self.fields["year"].widget = forms.Select(
            choices=[(year, year) for year in range(this_year, max(FIRST_YEAR, this_year - 10) - 1, -1)]
        )
        everything = _("All networks") if limited_to is None else _("All my networks")
        self.fields["network"].widget = forms.Select(
            choices=[("", everything), *((network.pk, network.name) for network in networks)]
        )

    def clean_year(self):
        year = self.cleaned_data.get("year")
        if year is not None and year > last_year_allowed():
            raise forms.ValidationError(
                ERRORS["year_out_of_range"],
                code="year_out_of_range",
                params={"first": FIRST_YEAR, "last": last_year_allowed()},
            )
        return year

    def clean_network(self):
        network_id = self.cleaned_data.get("network")
        if network_id is None or any(network.pk == network_id for network in self.networks):
            return network_id
        if self.limited_to is not None and Network.objects.filter(pk=network_id).exists():
            raise forms.ValidationError(ERRORS["not_your_network"], code="not_your_network")
        raise forms.ValidationError(ERRORS["no_network"], code="no_network")

    def clean(self):
        cleaned = super().clean()
        first, last = cleaned.get("first_day"), cleaned.get("last_day")
        if self.errors:
            return cleaned
        if first or last:
            if not (first and last):
                raise forms.ValidationError(ERRORS["half_range"], code="half_range")
            if last < first:
                raise forms.ValidationError(ERRORS["reversed"], code="reversed")
            earliest, latest = dt.date(FIRST_YEAR, 1, 1), dt.date(last_year_allowed(), 12, 31)
            if first < earliest or last > latest:
                raise forms.ValidationError(
                    ERRORS["out_of_range"],
                    code="out_of_range",
                    params={"first": formats.date_format(earliest), "last": formats.date_format(latest)},
                )
            if (last - first).days > LONGEST_PERIOD_YEARS * 366:
                raise forms.ValidationError(ERRORS["too_long"], code="too_long", params={"years": LONGEST_PERIOD_YEARS})
        elif not cleaned.get("year"):
            cleaned["year"] = timezone.localdate().year
        return cleaned

    def scope(self) -> ReportScope:
        """The period and networks of the valid form."""
        data = self.cleaned_data
        if data.get("network"):
            network_ids = frozenset([data["network"]])
        else:
            network_ids = None if self.limited_to is None else frozenset(self.limited_to)
        if data.get("first_day"):
            return ReportScope(data["first_day"], data["last_day"], network_ids)
        year = data["year"]
        return ReportScope(dt.date(year, 1, 1), dt.date(year, 12, 31), network_ids, year=year)


class ReportLanguageForm(forms.Form):
    """The language of the PDF report: the staff member's own unless they choose another."""

    language = forms.ChoiceField(label=_("Language of the report"), choices=settings.LANGUAGES, required=False)
