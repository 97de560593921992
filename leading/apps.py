from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeadingConfig(AppConfig):
    name = "leading"
    verbose_name = _("Leading HYTE")
