"""The staff interface of networks, memberships and invitations; a coordinator sees only their own networks' rows.

Memberships change only through networks.services (adding a member, the decision actions, invitations), which keep
the dates and send the e-mails; an existing membership or invitation is shown, not edited. Coordinators do not add
accounts to a network: they invite an address, and the person accepts (staff may still add an account directly).
"""

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin

from accounts.selectors import user_with_email
from hyte_portal.csv_export import csv_response

from . import selectors, services
from .admin_scoping import NetworkScopedAdminMixin
from .coordinators import is_scoped_coordinator
from .models import Invitation, Membership, Network, NetworkRole

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


def _date(value):
    return timezone.localtime(value).strftime("%Y-%m-%d") if value else ""


def memberships_csv_response(memberships, filename: str):
    """The memberships as a spreadsheet: the network, the status and the member's profile, one row each."""
    rows = (
        (
            membership.network.name,
            membership.get_status_display(),
            membership.user.first_name,
            membership.user.last_name,
            membership.user.email,
            membership.user.organisation,
            membership.user.job_title,
            membership.user.get_profession_display(),
            membership.user.get_region_display(),
            _date(membership.requested_at),
            _date(membership.joined_at),
        )
        for membership in memberships
    )
    return csv_response(filename=filename, header=CSV_HEADER, rows=rows)


def approved_message(count: int) -> str:
    return ngettext("%(count)d request approved.", "%(count)d requests approved.", count) % {"count": count}


def rejected_message(count: int) -> str:
    return ngettext("%(count)d request rejected.", "%(count)d requests rejected.", count) % {"count": count}


class NetworkRoleInline(admin.TabularInline):
    model = NetworkRole
    extra = 0
    fields = ["role", "user", "name", "email", "order"]

    def get_autocomplete_fields(self, request):
        return [] if is_scoped_coordinator(request.user) else ["user"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "user" and is_scoped_coordinator(request.user):
            # A coordinator names contact people among their own networks' members, not from the whole user list.
            kwargs["queryset"] = selectors.people_of_networks(selectors.coordinated_network_ids(request.user))
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
        self.person = user_with_email(email)
        if self.person is None:
            raise forms.ValidationError(
                _("No account uses the address %(email)s. The person must sign up first."), params={"email": email}
            )
        return email

    def clean(self):
        cleaned = super().clean()
        network = cleaned.get("network")
        person = getattr(self, "person", None)
        if network and person:
            try:
                services.ensure_member_can_be_added(user=person, network=network)
            except services.MembershipError as error:
                raise forms.ValidationError(error.message) from None
        return cleaned

    def save(self, commit=True):
        """The membership unsaved, whatever `commit` says: MembershipAdmin.save_model stores it through the service."""
        self.instance.user = self.person
        return super().save(commit=False)


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
        return selectors.with_membership_counts(super().get_queryset(request))

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

    def save_formset(self, request, form, formset, change):
        if formset.model is NetworkRole:
            # A role gives its holder the network in the admin: the service saves the roles and writes the trail.
            roles = formset.save(commit=False)
            services.save_roles(network=form.instance, roles=roles, removed=formset.deleted_objects, by=request.user)
        else:
            super().save_formset(request, form, formset, change)

    @admin.action(description=_("Export the active members of the selected networks as CSV"), permissions=["view"])
    def export_members_csv(self, request, queryset):
        return memberships_csv_response(selectors.active_members_of(queryset), "network-members.csv")


class MadeByAServiceShownAfter:
    """A ModelAdmin whose rows are made on the add form through a networks service (save_model) and then only
    shown: `fields_when_adding` on the add form, `details` read-only afterwards. A refusal of the service is a
    message on the form again, not a 500."""

    fields_when_adding: list[str] = []
    details: list[str] = []

    def get_fields(self, request, obj=None):
        return self.fields_when_adding if obj is None else self.details

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.details

    def has_change_permission(self, request, obj=None):
        # Shown, not edited: a membership's status changes only through the decision actions and the member's own
        # join, leave and acceptance, which keep the dates and send the e-mails; an invitation is replaced by
        # inviting again.
        return obj is None and super().has_change_permission(request, obj)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.MembershipError as error:
            # The form asked what it could, but the rows changed in between (someone else added the person, the
            # network was closed): say so, and offer the form again (the admin's transaction has rolled back).
            self.message_user(request, error.message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())


@admin.register(Membership)
class MembershipAdmin(MadeByAServiceShownAfter, NetworkScopedAdminMixin, admin.ModelAdmin):
    """Memberships, their requests and the coordinators' decisions on them."""

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

    def has_add_permission(self, request):
        # A coordinator could otherwise put any account in their network, and so in its exports, without the
        # person's consent, and learn from the form which addresses have accounts. They invite instead.
        return not is_scoped_coordinator(request.user) and super().has_add_permission(request)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, **kwargs)

    @admin.display(description=_("e-mail address"), ordering="user__email")
    def user_email(self, membership):
        return membership.user.email

    def save_model(self, request, obj, form, change):
        """A membership added by hand goes through the service, which keeps the dates and sends the e-mails."""
        membership = services.add_member(network=obj.network, user=obj.user, status=obj.status, added_by=request.user)
        # The admin goes on with `obj` (its log entry, the link in the message): make it the row the service saved.
        obj.pk = membership.pk
        obj.refresh_from_db()
        obj._state.adding = False

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
        self._decide(request, queryset, services.approve_membership, approved_message)

    @admin.action(description=_("Reject the selected requests and e-mail the members"), permissions=["change"])
    def reject_selected(self, request, queryset):
        self._decide(request, queryset, services.reject_membership, rejected_message)

    @admin.action(description=_("Export the selected memberships as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return memberships_csv_response(queryset.select_related("user", "network"), "memberships.csv")


def invited_message(invitation: Invitation) -> str:
    """The one answer to an invitation, whether or not the address has an account or is a member already."""
    return _(
        "An invitation to join %(network)s is on its way to %(email)s. The person becomes a member when they accept it."
    ) % {"network": invitation.network.name, "email": invitation.email}


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "network", "language"]
        help_texts = {
            "email": _(
                "The person accepts the invitation by logging in with this address, or by creating an account with it."
            )
        }


@admin.register(Invitation)
class InvitationAdmin(MadeByAServiceShownAfter, NetworkScopedAdminMixin, admin.ModelAdmin):
    """Invitations to join a network: made here through networks.services.invite_member, accepted by the person."""

    form = InvitationForm
    list_display = ["email", "network", "status", "invited_by", "created_at", "expires_at", "accepted_at"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter), "status"]
    list_select_related = ["network", "invited_by"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    fields_when_adding = ["email", "network", "language"]
    # The secret token stays out: whoever reads the row must not be able to accept in the person's name.
    details = [
        "email",
        "network",
        "language",
        "status",
        "invited_by",
        "created_at",
        "expires_at",
        "mailed_at",
        "accepted_at",
        "accepted_by",
    ]

    def get_changeform_initial_data(self, request):
        return {"language": request.LANGUAGE_CODE, **super().get_changeform_initial_data(request)}

    def save_model(self, request, obj, form, change):
        """An invitation is made by the service, which replaces a waiting one, records it and queues the e-mail."""
        invitation = services.invite_member(
            network=obj.network, email=obj.email, invited_by=request.user, language=obj.language
        )
        obj.pk = invitation.pk
        obj.refresh_from_db()
        obj._state.adding = False

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(request, invited_message(obj), messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:networks_invitation_changelist"))
