"""The pages that belong to no app: the home page, the health check and the admin's checked "view on site"."""

from django.contrib import admin
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.contenttypes.models import ContentType
from django.contrib.contenttypes.views import shortcut
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from hyte_portal.page_cache import cached_for_visitors


@require_safe
@cached_for_visitors(shows_seats=True)
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
def bench_ok(request):
    """The benchmark's baseline: a bare view through the same middleware, served only when BENCH_BARE_VIEW=1."""
    return HttpResponse("ok\n", content_type="text/plain")


def admin_view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" redirect, only for an object the user may view in the admin.

    Django's own shortcut redirects any staff user to any object's URL; a coordinator could learn another
    network's draft event that way. Not found and not allowed answer alike (404).
    """
    if not (request.user.is_active and request.user.is_staff):
        raise Http404
    if not (content_type_id.isascii() and content_type_id.isdigit()):
        raise Http404  # "+22" or " 22" would be read as 22 by the database lookup
    try:
        model = ContentType.objects.get_for_id(int(content_type_id)).model_class()
        model_admin = admin.site.get_model_admin(model)
        obj = model_admin.get_object(request, object_id)
    except (ContentType.DoesNotExist, NotRegistered, PermissionDenied, ValidationError, ValueError):
        raise Http404 from None  # an unknown type, a model not in the admin, another network's or a malformed id
    if obj is None or not model_admin.has_view_permission(request, obj):
        raise Http404
    return shortcut(request, int(content_type_id), object_id)


@require_safe
def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says; it lives with the other static files."""
    return redirect(static("favicon.ico"), permanent=True)
