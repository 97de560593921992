"""Turning a newsletter issue into messages: Markdown to safe HTML, one message per recipient."""

from dataclasses import dataclass

import markdown
import nh3
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from hyte_portal.emails import render_email

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


def unsubscribe_url(subscriber: Subscriber) -> str:
    with translation.override(subscriber.language):
        path = reverse("newsletter:unsubscribe", kwargs={"token": subscriber.token})
    return f"{settings.SITE_URL}{path}"


def issue_message(content: IssueContent, *, to: str, unsubscribe_link: str | None, is_test: bool = False):
    """The message of one issue to one address; a personal unsubscribe link makes it a list message (RFC 8058)."""
    headers = {"Precedence": "bulk"}
    if unsubscribe_link:
        headers["List-Unsubscribe"] = f"<{unsubscribe_link}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return render_email(
        template=ISSUE_TEMPLATE,
        to=to,
        language=content.language,
        context={"content": content, "unsubscribe_url": unsubscribe_link, "is_test": is_test},
        headers=headers,
        is_auto_submitted=False,
    )


class IssueMessages:
    """Builds each subscriber's message, rendering each language's content only once per issue."""

    def __init__(self, issue: NewsletterIssue):
        self.issue = issue
        self._contents: dict[str, IssueContent] = {}

    def content(self, language: str) -> IssueContent:
        if language not in self._contents:
            self._contents[language] = issue_content(self.issue, language)
        return self._contents[language]

    def for_subscriber(self, subscriber: Subscriber):
        return issue_message(
            self.content(subscriber.language), to=subscriber.email, unsubscribe_link=unsubscribe_url(subscriber)
        )
