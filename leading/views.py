"""The Leading HYTE pages: the guidance, the regional table, a county's history and comparison, filling in a
county's assessment, and the PDF and CSV exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import access, selectors, services
from .exports import answers_csv_response
from .forms import AssessmentForm, RegionalDateForm
from .models import COUNTY_LABELS, Assessment
from .pdf import assessment_pdf_bytes


@require_safe
def guidance(request):
    """The Leading HYTE guidance: its sections and materials, and the checklist in use."""
    version = selectors.version_in_use()
    return render(
        request,
        "leading/guidance.html",
        {
            "sections": selectors.guidance_sections(request.user),
            "version": version,
            "groups": selectors.checklist(version) if version else [],
        },
    )


@require_safe
@login_required
def regional_table(request):
    """Counties × items with the latest ratings; staff may look at an earlier date."""
    is_staff = access.is_assessment_staff(request.user)
    date_form = RegionalDateForm(request.GET or None) if is_staff else None
    table = selectors.regional_table(date_form.date() if date_form else None)
    return render(
        request,
        "leading/regional_table.html",
        {
            "table": table,
            "date_form": date_form,
            "is_today": table.on == timezone.localdate(),
            "edited_counties": access.edited_counties(request.user),
            "is_staff": is_staff,
        },
    )


def _county(county: str) -> str:
    if county not in COUNTY_LABELS:
        raise Http404
    return county


@require_safe
@login_required
def county_detail(request, county):
    """A county's latest published assessment against the previous one, its history, and its draft for editors."""
    county = _county(county)
    may_edit = access.may_edit_county(request.user, county)
    return render(
        request,
        "leading/county_detail.html",
        {
            "county": county,
            "county_label": COUNTY_LABELS[county],
            "overview": selectors.county_history(county),
            "draft": selectors.county_draft(county) if may_edit else None,
            "may_edit": may_edit,
            "is_staff": access.is_assessment_staff(request.user),
        },
    )


@require_safe
@login_required
def assessment_detail(request, county, pk):
    """One published assessment with every answer, compared with the county's assessment before it."""
    assessment = _published(county, pk)
    return render(
        request,
        "leading/assessment_detail.html",
        {
            "assessment": assessment,
            "county_label": COUNTY_LABELS[assessment.county],
            "overview": selectors.county_history(assessment.county, upto=assessment),
            "answered": selectors.answered_checklist(assessment),
        },
    )


def _published(county, pk) -> Assessment:
    county = _county(county)
    return get_object_or_404(
        Assessment.objects.select_related("version", "published_by"),
        county=county,
        pk=pk,
        status=Assessment.Status.PUBLISHED,
    )


@require_POST
@login_required
def start_assessment(request, county):
    """Open the county's draft (a new one starts from the latest published answers)."""
    county = _county(county)
    try:
        draft = services.start_assessment(county=county, user=request.user)
    except services.AssessmentError as error:
        messages.error(request, error.message)
        return redirect("leading:county", county=county)
    return redirect("leading:edit", county=county, pk=draft.pk)


@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def edit_assessment(request, county, pk):
    """The checklist form of a draft: save it, or save and publish it."""
    county = _county(county)
    if not access.may_edit_county(request.user, county):
        messages.error(request, services.AssessmentError("not_editor", county=COUNTY_LABELS[county]).message)
        return redirect("leading:county", county=county)
    assessment = get_object_or_404(Assessment.objects.select_related("version"), county=county, pk=pk)
    if not assessment.is_draft:
        messages.error(request, services.AssessmentError("published").message)
        return redirect(assessment)
    groups = selectors.checklist(assessment.version)
    answers = {answer.item_id: answer for answer in assessment.answers.all()}
    form = AssessmentForm(
        request.POST or None, groups=groups, answers=answers, initial={"assessed_on": assessment.assessed_on}
    )
    if request.method == "POST" and form.is_valid():
        saved = False
        try:
            assessment = services.save_draft(
                assessment=assessment,
                user=request.user,
                assessed_on=form.cleaned_data["assessed_on"],
                answers=form.answers(),
            )
            saved = True
            if "publish" in request.POST:
                assessment = services.publish_assessment(assessment=assessment, user=request.user)
                messages.success(request, _("The assessment is published. Thank you!"))
                return redirect(assessment)
        except services.AssessmentError as error:
            if error.code == "published":
                messages.error(request, error.message)
                return redirect(assessment)
            form.add_error(None, error.message)
            if saved:
                form.add_error(None, _("Your answers were saved as a draft."))
        else:
            messages.success(request, _("The draft is saved. You can come back to it later."))
            return redirect("leading:edit", county=county, pk=assessment.pk)
    return render(
        request,
        "leading/assessment_form.html",
        {"form": form, "assessment": assessment, "county": county, "county_label": COUNTY_LABELS[county]},
    )


@require_POST
@login_required
def discard_assessment(request, county, pk):
    """Delete the county's draft."""
    county = _county(county)
    assessment = get_object_or_404(Assessment, county=county, pk=pk)
    try:
        services.discard_draft(assessment=assessment, user=request.user)
    except services.AssessmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The draft was discarded."))
    return redirect("leading:county", county=county)


@require_safe
@login_required
def assessment_pdf(request, county, pk):
    """The assessment and its comparison as a PDF for the county board's papers, in the reader's language."""
    assessment = _published(county, pk)
    overview = selectors.county_history(assessment.county, upto=assessment)
    content = assessment_pdf_bytes(overview, answered=selectors.answered_checklist(assessment), language=get_language())
    response = HttpResponse(content, content_type="application/pdf")
    filename = f"hyte-{assessment.county}-{assessment.assessed_on.isoformat()}-{get_language()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
@login_required
def answers_csv(request, county=None):
    """Every answer (drafts included), of all counties or of one, for staff."""
    if county is not None:
        county = _county(county)
    if not access.is_assessment_staff(request.user):
        raise PermissionDenied
    return answers_csv_response(selectors.answers_for_export(county), name=county or "all")
