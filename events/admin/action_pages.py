"""The page an admin action shows before it acts: a confirmation, or a form to fill in first."""

from django.contrib import admin
from django.template.response import TemplateResponse


def action_page(request, modeladmin, queryset, template: str, context: dict) -> TemplateResponse:
    """Render `template` (which extends admin/events/_action_base.html) for the action posted in the request.

    The page posts the action back with the same selection and `confirm=yes`, which the action then acts on.
    """
    action = request.POST.get("action", "")
    described = modeladmin.get_actions(request).get(action)
    return TemplateResponse(
        request,
        template,
        {
            **modeladmin.admin_site.each_context(request),
            "title": described[2] if described else "",
            "opts": modeladmin.model._meta,
            "queryset": queryset,
            "action": action,
            "selected": request.POST.getlist(admin.helpers.ACTION_CHECKBOX_NAME),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            **context,
        },
    )


def is_confirmed(request) -> bool:
    """Whether the action's page was submitted (rather than the action first chosen from the list)."""
    return request.POST.get("confirm") == "yes"
