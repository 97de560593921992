"""The site's addresses: the admin without a language prefix, every page under /fi/, /sv/ or /en/."""

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

admin.site.site_header = _("HYTE portal administration")
admin.site.site_title = _("HYTE portal administration")
admin.site.index_title = _("Networks, events, materials and the newsletter")
# The admin's login is allauth's: its rate limits and the second-factor step apply to staff too.
admin.site.login = secure_admin_login(admin.site.login)

urlpatterns = [
    # Before the admin's own URLs, so that this checked version of its "view on site" redirect answers every
    # /admin/r/ address: a content type id such as "+22" is no <int:>, and Django's unchecked view would take it.
    path("admin/r/<path:content_type_id>/<path:object_id>/", views.admin_view_on_site, name="admin_view_on_site"),
    path("admin/statistics/", include("reports.urls")),
    path("admin/", admin.site.urls),
    path("favicon.ico", views.favicon, name="favicon"),
]

if settings.BENCH_BARE_VIEW:  # the benchmark's baseline (make bench); never on in production
    urlpatterns.append(path("bench/ok", views.bench_ok, name="bench_ok"))

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("accounts/", include("allauth.urls")),
    path("me/", include("accounts.urls")),
    path("networks/", include("networks.urls")),
    path("events/", include("events.urls")),
    path("certificates/", include("events.certificate_urls")),
    path("materials/", include("materials.urls")),
    path("newsletter/", include("newsletter.urls")),
    path("hyte/", include("leading.urls")),
    path("search/", include("search.urls")),
    path("", include("pages.urls")),
)
