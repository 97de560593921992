"""The material bank's pages: the searchable list, and downloading a file or following an address."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hyte_portal.page_cache import cached_for_visitors
from search.query import is_capped

from . import filetypes, selectors, services
from .forms import MaterialSearchForm
from .models import Material

PAGE_SIZE = 20
SANDBOX_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"


@require_safe
@cached_for_visitors()
def index(request):
    """The material bank: search words, filters and pages of results."""
    form = MaterialSearchForm(request.GET or None, years=selectors.years_with_materials(request.user))
    filters = form.filters() if form.is_bound else {}
    page = Paginator(selectors.bank_results(request.user, **filters), PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "materials/index.html",
        {
            "form": form,
            "page": page,
            "is_filtered": form.is_bound and form.is_filtered(),
            # A search that matches very many materials lists only the first ones (search.query.MAX_MATCHES).
            "is_capped": bool(filters.get("text")) and is_capped(page.paginator.count),
            "page_query": query.urlencode(),
        },
    )


@require_safe
def download(request, pk):
    """A material's file through Django, or a redirect to its external address; both counted.

    Members-only materials need a login on every request: a logged-out visitor is sent to log in and back.
    """
    material = get_object_or_404(Material, pk=pk)
    if material.is_members_only and not request.user.is_authenticated:
        messages.info(request, _("This material is for members: log in to open it."))
        return redirect_to_login(request.get_full_path())
    if not selectors.may_open(request.user, material):
        raise Http404
    if material.is_external:
        response = HttpResponseRedirect(material.url)
    else:
        response = _file_response(material)
    if material.is_members_only:
        response["Cache-Control"] = "private, no-cache"
    if request.method == "GET":
        services.record_download(material=material)
    return response


def _file_response(material: Material) -> FileResponse:
    try:
        handle = material.file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    content_type = material.content_type or "application/octet-stream"
    if content_type.startswith("text/"):
        content_type = f"{content_type}; charset=utf-8"
    response = FileResponse(
        handle,
        as_attachment=not filetypes.inline_for(material.content_type),
        filename=material.file_name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Nothing in a downloaded file may run as part of the site. PDFs, images and text open in the browser only in
    # a sandbox: a file that passes as a PDF may also be a web page, or carry a JavaScript action.
    response["Content-Security-Policy"] = SANDBOX_POLICY
    return response
