from django import forms
from django.utils.translation import gettext_lazy as _

from networks.models import Network

from .models import Material


class MaterialSearchForm(forms.Form):
    """The bank's search and filters. Every field is optional; an invalid one is reported and ignored."""

    q = forms.CharField(label=_("Search words"), required=False, max_length=200, strip=True)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    network = forms.ModelChoiceField(
        label=_("Network"), required=False, queryset=Network.objects.none(), to_field_name="slug"
    )
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    language = forms.ChoiceField(label=_("Language of the material"), required=False)

    def __init__(self, data=None, *, years=(), **kwargs):
        super().__init__(data, **kwargs)
        any_choice = [("", _("Any"))]
        self.fields["kind"].choices = any_choice + list(Material.Kind.choices)
        self.fields["language"].choices = any_choice + list(Material.Language.choices)
        self.fields["year"].choices = any_choice + [(year, str(year)) for year in years]
        self.fields["network"].queryset = Network.objects.filter(is_active=True)
        self.fields["network"].empty_label = _("Any")

    def filters(self) -> dict:
        """The valid search words and filters, for selectors.search_materials()."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "text": data.get("q") or "",
            "kind": data.get("kind") or "",
            "network": data.get("network"),
            "year": data.get("year"),
            "language": data.get("language") or "",
        }

    def is_filtered(self) -> bool:
        return any(self.filters().values())
