"""The staff's newsletter: compose an issue in three languages, preview it, test-send, send or schedule it and
watch the progress; see the subscribers and each delivery. Every change goes through newsletter.services."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin

from . import selectors, services
from .emails import issue_content, issue_message
from .errors import NewsletterError
from .models import Delivery, NewsletterIssue, Subscriber


class SendForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("now", _("Now")), ("later", _("At a chosen time"))],
        widget=forms.RadioSelect,
        initial="now",
    )
    scheduled_at = forms.SplitDateTimeField(
        label=_("Sending time"),
        required=False,
        widget=admin.widgets.AdminSplitDateTime,
        help_text=_("Only for sending at a chosen time (Finnish time)."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("when") == "later" and not cleaned.get("scheduled_at"):
            self.add_error("scheduled_at", _("Choose the sending time."))
        return cleaned


@admin.register(NewsletterIssue)
class NewsletterIssueAdmin(TabbedTranslationAdmin):
    change_form_template = "admin/newsletter/newsletterissue/change_form.html"
    list_display = ["subject", "status", "scheduled_at", "progress_column", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject_fi", "subject_sv", "subject_en"]
    fields = ["subject", "body", "status", "scheduled_at", "sending_started_at", "sent_at", "created_by"]
    readonly_fields = ["status", "scheduled_at", "sending_started_at", "sent_at", "created_by"]

    def get_queryset(self, request):
        return selectors.issues_with_progress(super().get_queryset(request))

    @admin.display(description=_("Progress"))
    def progress_column(self, issue):
        progress = selectors.progress_of(issue)
        if not progress.total:
            return "–"
        return gettext("%(sent)s sent, %(failed)s failed, %(pending)s pending of %(total)s") % {
            "sent": progress.sent,
            "failed": progress.failed,
            "pending": progress.pending,
            "total": progress.total,
        }

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return [*self.fields, *NewsletterIssue.CONTENT_FIELDS]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        services.save_issue(issue=obj, author=request.user)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        issue = self.get_object(request, object_id) if object_id else None
        if issue is not None:
            extra_context["progress"] = selectors.issue_progress(issue_id=issue.pk)
            extra_context["preview_languages"] = settings.LANGUAGES
            extra_context["is_editable"] = issue.is_editable
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except NewsletterError as error:  # raised by the save, inside the admin's transaction: nothing was saved
            self.message_user(request, error.message, messages.ERROR)
            return redirect(request.path)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:issue_id>/preview/<str:language>/", view(self.preview_view), name="newsletter_issue_preview"),
            path("<int:issue_id>/send-test/", view(self.send_test_view), name="newsletter_issue_send_test"),
            path("<int:issue_id>/send/", view(self.send_view), name="newsletter_issue_send"),
            path("<int:issue_id>/unschedule/", view(self.unschedule_view), name="newsletter_issue_unschedule"),
            *super().get_urls(),
        ]

    def _issue_or_404(self, request, issue_id, *, change=False):
        issue = get_object_or_404(NewsletterIssue, pk=issue_id)
        allowed = self.has_change_permission(request, issue) if change else self.has_view_permission(request, issue)
        if not allowed:
            raise PermissionDenied
        return issue

    def _change_url(self, issue):
        return reverse("admin:newsletter_newsletterissue_change", args=[issue.pk])

    def preview_view(self, request, issue_id, language):
        """The issue's HTML e-mail in one language, exactly as subscribers will see it."""
        issue = self._issue_or_404(request, issue_id)
        if language not in dict(settings.LANGUAGES):
            raise Http404
        message = issue_message(
            issue_content(issue, language), to=request.user.email, unsubscribe_link=f"{settings.SITE_URL}/#preview"
        )
        html, _mimetype = message.alternatives[0]
        response = HttpResponse(html)
        response["Content-Security-Policy"] = "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'"
        return response

    @method_decorator(require_POST)
    def send_test_view(self, request, issue_id):
        issue = self._issue_or_404(request, issue_id, change=True)
        services.queue_test(issue_id=issue.pk, user_id=request.user.pk)
        self.message_user(
            request,
            gettext("A test of each language is on its way to %(email)s.") % {"email": request.user.email},
            messages.SUCCESS,
        )
        return redirect(self._change_url(issue))

    @method_decorator(require_POST)
    def unschedule_view(self, request, issue_id):
        issue = self._issue_or_404(request, issue_id, change=True)
        try:
            services.unschedule_issue(issue_id=issue.pk, by=request.user)
        except NewsletterError as error:
            self.message_user(request, error.message, messages.ERROR)
        else:
            self.message_user(request, gettext("The issue is a draft again and will not be sent."), messages.SUCCESS)
        return redirect(self._change_url(issue))

    def send_view(self, request, issue_id):
        """Confirm and start the sending, now or at a chosen time."""
        issue = self._issue_or_404(request, issue_id, change=True)
        form = SendForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                if form.cleaned_data["when"] == "now":
                    services.start_sending(issue_id=issue.pk, by=request.user)
                    text = gettext("Sending started. The progress is shown below.")
                else:
                    services.schedule_issue(issue_id=issue.pk, when=form.cleaned_data["scheduled_at"], by=request.user)
                    text = gettext("The issue will be sent at the chosen time.")
            except NewsletterError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, text, messages.SUCCESS)
            return redirect(self._change_url(issue))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": issue,
            "title": gettext("Send the newsletter"),
            "form": form,
            "media": self.media + form.media,
            "recipient_count": selectors.active_subscriber_count(),
        }
        return TemplateResponse(request, "admin/newsletter/newsletterissue/send.html", context)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "language", "consented_at", "unsubscribe_reason", "consecutive_failures"]
    list_filter = ["status", "language", "unsubscribe_reason"]
    search_fields = ["email"]
    readonly_fields = [
        "created_at", "confirmation_sent_at", "consented_at", "unsubscribed_at", "unsubscribe_reason",
        "consecutive_failures",
    ]  # fmt: skip
    raw_id_fields = ["user"]
    actions = ["unsubscribe_selected"]

    @admin.action(description=_("Unsubscribe the selected addresses"))
    def unsubscribe_selected(self, request, queryset):
        count = services.unsubscribe(subscriber_ids=queryset.values("pk"))
        self.message_user(
            request,
            ngettext("%(count)s address unsubscribed.", "%(count)s addresses unsubscribed.", count) % {"count": count},
        )


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["subscriber_email", "issue", "status", "attempts", "sent_at", "error"]
    list_filter = ["status", "issue"]
    search_fields = ["subscriber__email"]
    list_select_related = ["subscriber", "issue"]
    readonly_fields = ["issue", "subscriber", "status", "attempts", "error", "sent_at", "next_attempt_at"]
    exclude = ["claimed_until"]

    @admin.display(description=_("e-mail address"), ordering="subscriber__email")
    def subscriber_email(self, delivery):
        return format_html("{}", delivery.subscriber.email)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
