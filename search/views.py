"""The site search page: /<lang>/search/?q=."""

from django.shortcuts import render

from .forms import SearchForm
from .selectors import site_search


def search_page(request):
    """Events, networks and materials matching the words, grouped by type; a clear note for an empty search."""
    form = SearchForm(request.GET or None)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    results = site_search(request.user, text)
    context = {
        "form": form,
        "text": text,
        "results": results,
        "searched": bool(text.strip()),
    }
    return render(request, "search/search.html", context)
