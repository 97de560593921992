"""A member's own pages: my page, the profile form, the export of their data and deleting their account."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import services
from .forms import DeleteAccountForm, ProfileForm


@login_required
def my_page(request):
    return render(request, "accounts/my_page.html")


@login_required
def edit_profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        services.update_profile(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("accounts:my_page")
    return render(request, "accounts/profile_form.html", {"form": form})


@login_required
def export_data(request):
    """The member's own data as a JSON file download."""
    data = services.export_personal_data(user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2, default=str), content_type="application/json; charset=utf-8"
    )
    filename = f"hyte-data-{timezone.localdate().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.delete_account(user=request.user, by=request.user)
        logout(request)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("home")
    return render(request, "accounts/delete_account.html", {"form": form})
