"""The statistics' addresses under /admin/statistics/; each view opens only through the admin's own checks."""

from django.contrib import admin
from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", admin.site.admin_view(views.statistics_page), name="statistics"),
    path("annual-report.pdf", admin.site.admin_view(views.annual_report_pdf), name="annual_report_pdf"),
    path("figures.csv", admin.site.admin_view(views.figures_csv), name="figures_csv"),
]
