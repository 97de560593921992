"""The design system's form renderer: every `{{ form }}` and `{{ field.as_field_group }}` uses the portal's
templates (templates/forms/), so that all forms, allauth's included, share one field markup and error summary."""

from django.forms.renderers import TemplatesSetting


class PortalFormRenderer(TemplatesSetting):
    """Django's renderer that looks templates up in the project's TEMPLATES, with the portal's form and field."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
