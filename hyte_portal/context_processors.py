"""What every page's template gets: the language navigation's links and their `hreflang` alternates."""

from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info


def language_path(request) -> str | None:
    """The address whose other language versions the language navigation links (None: the home page).

    A page rendered in answer to a POST (a form shown again with its errors) may sit at an address that only takes
    POST, where another language would answer 405. A view may name the page it belongs to in
    `request.language_path` (the enrolment form names its event); a class-based view that also answers GET (the
    allauth forms) keeps its address; any other page answering a POST links the home page.
    """
    named = getattr(request, "language_path", None)
    if named:
        return named
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    try:
        view_class = getattr(resolve(request.path_info).func, "view_class", None)
    except Resolver404:
        return None
    if view_class is not None and hasattr(view_class, "get"):
        return request.path
    return None


def site(request):
    """The language links: the same page in each language, named in that language, relative and absolute."""
    path = language_path(request)
    links = []
    for code, _name in settings.LANGUAGES:
        if path is None:
            with translation.override(code):
                url = reverse("home")
        else:
            url = translate_url(path, code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
            }
        )
    default = next((link["absolute_url"] for link in links if link["code"] == settings.LANGUAGE_CODE), None)
    return {"language_links": links, "language_default": default}
