import csv

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from . import services
from .admin_scoping import NetworkScopedAdminMixin
from .coordinators import is_scoped_coordinator
from .models import Membership, Network, NetworkRole
from .selectors import coordinated_network_ids

CSV_HEADER = [
    _("network"),
    _("status"),
    _("first name"),
    _("last name"),
    _("e-mail address"),
    _("organisation"),
    _("job title"),
    _("profession"),
    _("region"),
    _("requested"),
    _("joined"),
]


def _csv_cell(value) -> str:
    """A cell a spreadsheet will not run as a formula, whatever a member typed into their profile."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _date(value):
    return timezone.localtime(value).strftime("%Y-%m-%d") if value else ""


def memberships_csv_response(memberships, filename: str) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8 (ä, ö, å)
    writer = csv.writer(response)
    writer.writerow([str(label) for label in CSV_HEADER])
    for membership in memberships:
        user = membership.user
        writer.writerow(
            [
                _csv_cell(value)
                for value in (
                    membership.network.name,
                    membership.get_status_display(),
                    user.first_name,
                    user.last_name,
                    user.email,
                    user.organisation,
                    user.job_title,
                    user.get_profession_display(),
                    user.get_region_display(),
                    _date(membership.requested_at),
                    _date(membership.joined_at),
                )
            ]
        )
    return response


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    fields = ["role", "user", "name", "email", "order"]

    def get_autocomplete_fields(self, request):
        return [] if is_scoped_coordinator(request.user) else ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and is_scoped_coordinator(request.user):
            # A coordinator names contact people among their own networks' members, not from the whole user list.
            ids = coordinated_network_ids(request.user)
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(
                    Q(memberships__network_id__in=ids, memberships__status=Membership.Status.ACTIVE)
                    | Q(network_roles__network_id__in=ids)
                )
                .distinct()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class MembershipAddForm(forms.ModelForm):
    """Add a person to a network by their e-mail address (invitation networks, or on someone's behalf)."""

    email = forms.EmailField(
        label=_("e-mail address"), help_text=_("The address the person uses to log in to the portal.")
    )
    status = forms.ChoiceField(
        label=_("status"),
        choices=[(s, s.label) for s in (Membership.Status.ACTIVE, Membership.Status.PENDING)],
        initial=Membership.Status.ACTIVE,
    )

    class Meta:
        model = Membership
        fields = ["network", "status"]

    def clean_email(self):
        email = self.cleaned_data["email"]
        self.person = get_user_model().objects.filter(email__iexact=email).first()
        if self.person is None:
            raise forms.ValidationError(
                _("No account uses the address %(email)s. The person must sign up first."), params={"email": email}
            )
        return email

    def clean(self):
        cleaned = super().clean()
        network = cleaned.get("network")
        person = getattr(self, "person", None)
        if network and person and Membership.objects.filter(user=person, network=network).exists():
            raise forms.ValidationError(
                _("%(person)s already has a membership in %(network)s; find it in the list to see its status."),
                params={"person": person, "network": network},
            )
        return cleaned

    def save(self, commit=True):
        self.instance.user = self.person
        return super().save(commit)


@admin.register(Network)
class NetworkAdmin(NetworkScopedAdminMixin, TabbedTranslationAdmin):
    network_field = "id"
    list_display = ["name", "kind", "join_policy", "is_active", "order", "active_members", "pending_requests"]
    list_filter = ["kind", "join_policy", "is_active"]
    search_fields = ["name", "slug", "summary"]
    prepopulated_fields = {"slug": ["name_fi"]}
    inlines = [NetworkRoleInline]
    actions = ["export_members_csv"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "join_policy", "is_active", "order"]}),
        (_("Texts"), {"fields": ["summary", "description", "focus_areas", "meeting_rhythm"]}),
    ]
    # What makes a network what it is stays with the staff; coordinators edit the texts and contact people.
    coordinator_readonly_fields = ["slug", "kind", "join_policy", "is_active", "order"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                active_member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE)),
                pending_count=Count("memberships", filter=Q(memberships__status=Membership.Status.PENDING)),
            )
        )

    def get_readonly_fields(self, request, obj=None):
        if self.coordinated_ids(request) is not None:
            return self.coordinator_readonly_fields
        return super().get_readonly_fields(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        return {} if self.coordinated_ids(request) is not None else super().get_prepopulated_fields(request, obj)

    @admin.display(description=_("active members"), ordering="active_member_count")
    def active_members(self, network):
        return network.active_member_count

    @admin.display(description=_("waiting for a decision"), ordering="pending_count")
    def pending_requests(self, network):
        return network.pending_count

    @admin.action(description=_("Export the active members of the selected networks as CSV"), permissions=["view"])
    def export_members_csv(self, request, queryset):
        memberships = (
            Membership.objects.filter(network__in=queryset, status=Membership.Status.ACTIVE)
            .select_related("user", "network")
            .order_by("network__order", "network__slug", "user__last_name", "user__first_name")
        )
        return memberships_csv_response(memberships, "network-members.csv")


@admin.register(Membership)
class MembershipAdmin(NetworkScopedAdminMixin, admin.ModelAdmin):
    list_display = ["user", "user_email", "network", "status", "requested_at", "status_changed_at", "decided_by"]
    list_filter = [
        ("network", admin.RelatedOnlyFieldListFilter),
        "status",
        "user__region",
    ]
    list_select_related = ["user", "network", "decided_by"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "user__organisation"]
    date_hierarchy = "requested_at"
    actions = ["approve_selected", "reject_selected", "export_csv"]
    add_form = MembershipAddForm
    fields_when_adding = ["email", "network", "status"]
    # Decisions go through the actions (which e-mail the member), so an existing row is shown, not edited.
    details = [
        "user",
        "network",
        "status",
        "requested_at",
        "status_changed_at",
        "joined_at",
        "decided_at",
        "decided_by",
        "left_at",
    ]

    def get_fields(self, request, obj=None):
        return self.fields_when_adding if obj is None else self.details

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.details

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    def has_change_permission(self, request, obj=None):
        # An existing membership is shown, not edited: its status changes only through the decision actions
        # and the member's own join and leave, which keep the dates and send the e-mails.
        return obj is None and super().has_change_permission(request, obj)

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def user_email(self, membership):
        return membership.user.email

    def save_model(self, request, obj, form, change):
        if not change:
            now = timezone.now()
            obj.status_changed_at = now
            if obj.status == Membership.Status.ACTIVE:
                obj.joined_at = now
            if obj.status in (Membership.Status.ACTIVE, Membership.Status.REJECTED):
                obj.decided_at, obj.decided_by = now, request.user
        super().save_model(request, obj, form, change)

    def _decide(self, request, queryset, service, done_message):
        done, refused = 0, []
        for membership_id in queryset.values_list("pk", flat=True):
            try:
                service(membership_id=membership_id, decided_by=request.user)
            except services.MembershipError as error:
                refused.append(error.message)
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        for message in refused:
            self.message_user(request, message, messages.WARNING)

    @admin.action(description=_("Approve the selected requests and e-mail the members"), permissions=["change"])
    def approve_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.approve_membership,
            lambda n: ngettext("%(count)d request approved.", "%(count)d requests approved.", n) % {"count": n},
        )

    @admin.action(description=_("Reject the selected requests and e-mail the members"), permissions=["change"])
    def reject_selected(self, request, queryset):
        self._decide(
            request,
            queryset,
            services.reject_membership,
            lambda n: ngettext("%(count)d request rejected.", "%(count)d requests rejected.", n) % {"count": n},
        )

    @admin.action(description=_("Export the selected memberships as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return memberships_csv_response(queryset.select_related("user", "network"), "memberships.csv")
