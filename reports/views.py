"""The statistics page in the admin, the annual report as PDF and the figures as CSV (urls.py wraps each view in
admin.site.admin_view: staff only, through the admin's login and second factor)."""

from django.contrib import admin
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext as _

from hyte_portal.csv_export import csv_response
from networks.coordinators import is_scoped_coordinator
from networks.selectors import coordinated_network_ids

from .forms import ReportLanguageForm, StatisticsFilterForm
from .pdf import annual_report_pdf_bytes
from .sections import build_report
from .selectors import networks_for_report


def _filter_form(request) -> StatisticsFilterForm:
    """The filters read from the query string, offering the networks this person may see."""
    limited_to = coordinated_network_ids(request.user) if is_scoped_coordinator(request.user) else None
    return StatisticsFilterForm(request.GET, networks=networks_for_report(limited_to), limited_to=limited_to)


def _page(request, form, report=None, *, language_form=None, status=200):
    language = request.user.preferred_language or translation.get_language()
    context = {
        **admin.site.each_context(request),
        "title": _("Statistics"),
        "form": form,
        "report": report,
        "language_form": language_form or ReportLanguageForm(initial={"language": language}),
        "query": request.GET.urlencode(),
        "filters": [(name, value) for name, value in request.GET.items() if name in form.fields and value],
    }
    return TemplateResponse(request, "admin/reports/statistics.html", context, status=status)


def statistics_page(request):
    """The figures of the chosen period and networks as charts and tables, with the downloads."""
    form = _filter_form(request)
    if not form.is_valid():
        return _page(request, form, status=400)
    return _page(request, form, build_report(form.scope(), form.networks))


def _filename(report, extension: str, language: str = "") -> str:
    scope = report.scope
    period = str(scope.year) if scope.year else f"{scope.first_day:%Y-%m-%d}_{scope.last_day:%Y-%m-%d}"
    suffix = f"-{language}" if language else ""
    return f"hyte-statistics-{period}{suffix}.{extension}"


def annual_report_pdf(request):
    """The report of the chosen period as a PDF, in the staff member's language or the one they chose."""
    form = _filter_form(request)
    language_form = ReportLanguageForm(request.GET)
    if not form.is_valid() or not language_form.is_valid():
        return _page(request, form, language_form=language_form, status=400)
    language = language_form.cleaned_data["language"] or request.user.preferred_language or "fi"
    with translation.override(language):
        report = build_report(form.scope(), form.networks)
        pdf = annual_report_pdf_bytes(report)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_filename(report, "pdf", language)}"'
    return response


def figures_csv(request):
    """Every figure of the chosen period as a row of a CSV file, in the language of the page."""
    form = _filter_form(request)
    if not form.is_valid():
        return _page(request, form, status=400)
    report = build_report(form.scope(), form.networks)
    return csv_response(filename=_filename(report, "csv"), header=report.csv_header(), rows=report.csv_rows())
