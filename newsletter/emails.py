"""The newsletter's e-mails: the confirmation link, and an issue as messages (Markdown to safe HTML, one message
per recipient). hyte_portal.emails renders and sends them; newsletter.bulk_email copies an issue's message."""

from dataclasses import dataclass

import markdown
import nh3
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hyte_portal.emails import render_email

from .bulk_email import BulkEmail
from .models import NewsletterIssue, Subscriber

ISSUE_TEMPLATE = "newsletter/emails/issue"
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "hr", "i", "img", "li", "ol", "p",
    "pre", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title", "width", "height"}, "abbr": {"title"}}


def body_to_html(body: str) -> str:
    """Staff write Markdown (raw HTML allowed); whatever they paste, only harmless HTML comes out."""
    html = markdown.markdown(body or "", extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


@dataclass(frozen=True)
class IssueContent:
    """One language's subject and body of an issue, rendered once and reused for every recipient."""

    language: str
    subject: str
    body_text: str
    body_html: str


def issue_content(issue: NewsletterIssue, language: str) -> IssueContent:
    # modeltranslation falls back to Finnish where this language's text is missing.
    with translation.override(language):
        subject, body = issue.subject, issue.body
    return IssueContent(language=language, subject=subject, body_text=body, body_html=body_to_html(body))


def _personal_url(view_name: str, *, token: str, language: str) -> str:
    with translation.override(language):
        path = reverse(view_name, kwargs={"token": token})
    return f"{settings.SITE_URL}{path}"


def confirmation_url(subscriber: Subscriber) -> str:
    """The link that confirms a sign-up: it carries the confirmation token, which cannot unsubscribe."""
    return _personal_url("newsletter:confirm", token=subscriber.token, language=subscriber.language)


def unsubscribe_url(subscriber: Subscriber) -> str:
    """The link (and List-Unsubscribe target) that ends a subscription: its own token, which cannot confirm."""
    return _personal_url("newsletter:unsubscribe", token=subscriber.unsubscribe_token, language=subscriber.language)


def confirmation_email_kwargs(subscriber: Subscriber) -> dict:
    """Arguments for hyte_portal.emails.send_email asking a pending subscriber to confirm, in their language."""
    return {
        "template": "newsletter/emails/confirm_subscription",
        "to": subscriber.email,
        "language": subscriber.language,
        "context": {
            "confirm_url": confirmation_url(subscriber),
            "expires_at": subscriber.confirmation_expires_at(),
            "days": settings.NEWSLETTER_CONFIRMATION_DAYS,
        },
    }


def issue_message(content: IssueContent, *, to: str, unsubscribe_link: str | None, is_test: bool = False):
    """The message of one issue to one address; a personal unsubscribe link makes it a list message (RFC 8058)."""
    return render_email(
        template=ISSUE_TEMPLATE,
        to=to,
        language=content.language,
        context={"content": content, "unsubscribe_url": unsubscribe_link, "is_test": is_test},
        headers=list_headers(unsubscribe_link) if unsubscribe_link else {"Precedence": "bulk"},
        is_auto_submitted=False,
    )


def list_headers(unsubscribe_link: str) -> dict:
    """A list message's headers: one-click unsubscribe (RFC 2369, RFC 8058)."""
    return {
        "Precedence": "bulk",
        "List-Unsubscribe": f"<{unsubscribe_link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


TOKEN_PLACEHOLDER = "zzTOKENzz"  # URL-safe, so that reverse() leaves it as it is


class IssueMessages:
    """Builds each subscriber's message; each language is rendered and encoded once per issue (BulkEmail), and its
    unsubscribe address reversed once (reverse() in another language cost more than the rest of a message)."""

    def __init__(self, issue: NewsletterIssue):
        self.issue = issue
        self._bulk: dict[str, BulkEmail] = {}
        self._unsubscribe_urls: dict[str, str] = {}

    def _unsubscribe_url(self, subscriber: Subscriber) -> str:
        language = subscriber.language
        if language not in self._unsubscribe_urls:
            with translation.override(language):
                path = reverse("newsletter:unsubscribe", kwargs={"token": TOKEN_PLACEHOLDER})
            self._unsubscribe_urls[language] = f"{settings.SITE_URL}{path}"
        # Tokens are URL-safe base64 (newsletter.models.new_token): put in as they are, as reverse() would.
        return self._unsubscribe_urls[language].replace(TOKEN_PLACEHOLDER, subscriber.unsubscribe_token)

    def _bulk_for(self, language: str) -> BulkEmail:
        if language not in self._bulk:
            content = issue_content(self.issue, language)
            self._bulk[language] = BulkEmail(
                personal=("unsubscribe_url",),
                template=ISSUE_TEMPLATE,
                language=language,
                context={"content": content, "is_test": False},
                headers=list_headers("{unsubscribe_url}"),
                is_auto_submitted=False,
            )
        return self._bulk[language]

    def for_subscriber(self, subscriber: Subscriber):
        return self._bulk_for(subscriber.language).personalise(
            to=subscriber.email, personal={"unsubscribe_url": self._unsubscribe_url(subscriber)}
        )


def messages_for_test_send(issue: NewsletterIssue, *, to: str) -> list:
    """The issue in each language to one address, marked as a test and without an unsubscribe link."""
    return [
        issue_message(issue_content(issue, code), to=to, unsubscribe_link=None, is_test=True)
        for code, _name in settings.LANGUAGES
    ]
