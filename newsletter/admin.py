from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TabbedTranslationAdmin

from . import services
from .models import Delivery, NewsletterIssue, Subscriber
from .rendering import issue_content, issue_message


class NewsletterIssueForm(forms.ModelForm):
    class Meta:
        model = NewsletterIssue
        fields = ["subject", "body"]

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The admin wraps the whole change in one transaction: this lock holds until it commits,
            # so a send cannot start between this check and the save.
            try:
                services.ensure_editable(issue_id=self.instance.pk)
            except services.NewsletterError as error:
                raise ValidationError(str(error)) from None
        return cleaned


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
    form = NewsletterIssueForm
    change_form_template = "admin/newsletter/newsletterissue/change_form.html"
    list_display = ["subject", "status", "scheduled_at", "progress_column", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject_fi", "subject_sv", "subject_en"]
    fields = ["subject", "body", "status", "scheduled_at", "sending_started_at", "sent_at", "created_by"]
    readonly_fields = ["status", "scheduled_at", "sending_started_at", "sent_at", "created_by"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                delivery_total=Count("deliveries"),
                delivery_sent=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.SENT)),
                delivery_failed=Count("deliveries", filter=Q(deliveries__status=Delivery.Status.FAILED)),
            )
        )

    @admin.display(description=_("Progress"))
    def progress_column(self, issue):
        if not issue.delivery_total:
            return "–"
        return gettext("%(sent)s sent, %(failed)s failed, %(pending)s pending of %(total)s") % {
            "sent": issue.delivery_sent,
            "failed": issue.delivery_failed,
            "pending": issue.delivery_total - issue.delivery_sent - issue.delivery_failed,
            "total": issue.delivery_total,
        }

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status not in NewsletterIssue.EDITABLE_STATUSES:
            return [*self.fields, "subject_fi", "subject_sv", "subject_en", "body_fi", "body_sv", "body_en"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        extra_context = extra_context or {}
        if object_id:
            issue = self.get_object(request, object_id)
            if issue is not None:
                extra_context["progress"] = services.issue_progress(issue_id=issue.pk)
                extra_context["preview_languages"] = settings.LANGUAGES
                extra_context["is_editable"] = issue.status in NewsletterIssue.EDITABLE_STATUSES
                if request.method == "POST" and not extra_context["is_editable"]:
                    self.message_user(request, services.ERRORS["not_editable"], messages.ERROR)
                    return redirect(request.path)
        return super().changeform_view(request, object_id, form_url, extra_context)

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
            services.unschedule_issue(issue_id=issue.pk)
        except services.NewsletterError as error:
            self.message_user(request, str(error), messages.ERROR)
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
                    services.start_sending(issue_id=issue.pk)
                    text = gettext("Sending started. The progress is shown below.")
                else:
                    services.schedule_issue(issue_id=issue.pk, when=form.cleaned_data["scheduled_at"])
                    text = gettext("The issue will be sent at the chosen time.")
            except services.NewsletterError as error:
                self.message_user(request, str(error), messages.ERROR)
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
            "recipient_count": Subscriber.objects.filter(status=Subscriber.Status.ACTIVE).count(),
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
        count = sum(services.unsubscribe(subscriber=subscriber) for subscriber in queryset)
        self.message_user(request, gettext("%(count)s addresses unsubscribed.") % {"count": count})


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
