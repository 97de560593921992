from django import forms
from django.utils.translation import gettext_lazy as _

# A search longer than this is cut (search.query reads at most its first 500 characters anyway); the form
# never refuses it, so a pasted paragraph still gives results instead of an error.
MAX_LENGTH = 10_000


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), required=False, strip=True, widget=forms.SearchInput)

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_LENGTH].replace("\x00", "")
