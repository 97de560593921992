from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

SECTION_TITLES = {
    "networks": _("Networks"),
    "events": _("Events"),
    "materials": _("Material bank"),
    "newsletter": _("Newsletter"),
}


@require_safe
def home(request):
    return render(request, "home.html")


@never_cache
@require_safe
def healthz(request):
    """Liveness: 200 when the database answers a query, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


@require_safe
def section_pending(request, section):
    """A section whose own issue has not landed yet: says so plainly instead of pretending."""
    return render(request, "section_pending.html", {"title": SECTION_TITLES[section]})
