"""The admin's recurring series, and the action that generates their next occurrences."""

from django.contrib import admin
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from networks.admin_scoping import NetworkScopedAdminMixin

from .. import services
from ..forms import GenerateOccurrencesForm
from ..models import EventSeries, SeriesSubscription
from .action_pages import action_page, is_confirmed


@admin.register(EventSeries)
class EventSeriesAdmin(NetworkScopedAdminMixin, TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "rrule", "start_time", "duration_minutes", "network", "is_active", "occurrences"]
    list_filter = ["is_active", "kind", ("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title_fi", "title_sv", "title_en"]
    actions = ["generate_next"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(occurrence_count=Count("events"))

    @admin.display(description=_("occurrences"), ordering="occurrence_count")
    def occurrences(self, series):
        return series.occurrence_count

    @admin.action(description=_("Generate the next occurrences"), permissions=["add"])
    def generate_next(self, request, queryset):
        form = GenerateOccurrencesForm(request.POST if is_confirmed(request) else None)
        if not (form.is_bound and form.is_valid()):
            return action_page(request, self, queryset, "admin/events/eventseries/generate.html", {"form": form})
        for series in queryset:
            created = services.generate_next_occurrences(series=series, count=form.cleaned_data["count"])
            self.message_user(
                request,
                ngettext(
                    "%(count)d new occurrence generated for “%(series)s”.",
                    "%(count)d new occurrences generated for “%(series)s”.",
                    created,
                )
                % {"series": series, "count": created},
            )
        return None


@admin.register(SeriesSubscription)
class SeriesSubscriptionAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    """Who is enrolled in a whole series; read-only: members subscribe and leave on the site (the services keep
    their enrolments in step)."""

    network_field = "series__network"
    list_display = ["user", "series", "mode", "is_active", "created_at", "left_at"]
    list_filter = ["is_active", "series"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user", "series"]
    readonly_fields = ["user", "series", "mode", "is_active", "created_at", "left_at"]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
