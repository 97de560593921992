"""The portal's one way to build and send e-mail.

Every message is rendered from a template trio in the recipient's language:
`<template>_subject.txt`, `<template>.txt` and `<template>.html` (the HTML extends emails/base.html,
the site's look). Apps keep theirs under templates/<app>/emails/. Tasks call these functions with
data they re-read from the database by id; nothing here touches a model. For thousands of copies of one
message (the newsletter), newsletter.bulk_email renders it here once and copies its bytes for each recipient.
"""

from dataclasses import dataclass
from email.utils import formatdate, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: bytes | str
    mimetype: str


def render_email(
    *,
    template: str,
    to: str,
    language: str,
    context: dict | None = None,
    attachments: tuple[Attachment, ...] | list[Attachment] = (),
    headers: dict | None = None,
    is_auto_submitted: bool = True,
) -> EmailMultiAlternatives:
    """Render one message to one recipient in their language, ready to send.

    Messages the portal sends by itself carry `Auto-Submitted: auto-generated` (RFC 3834), so that
    out-of-office replies stay away; pass is_auto_submitted=False for a message a person wrote.
    """
    with translation.override(language):
        full_context = {"site_url": settings.SITE_URL, "language": language, **(context or {})}
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        text = render_to_string(f"{template}.txt", full_context)
        html = render_to_string(f"{template}.html", full_context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[settings.EMAIL_REPLY_TO],
        headers={
            "Date": formatdate(localtime=True),
            "Message-ID": make_msgid(domain=message_id_domain()),
            "Content-Language": language,
            **(headers or {}),
        },
    )
    message.attach_alternative(html, "text/html")
    if is_auto_submitted:
        message.extra_headers.setdefault("Auto-Submitted", "auto-generated")
    for attachment in attachments:
        message.attach(attachment.filename, attachment.content, attachment.mimetype)
    return message


def send_email(**kwargs) -> int:
    """Render and send one message now (call it from a task, not from a request); 1 when the server took it."""
    return render_email(**kwargs).send()


def send_many(messages: list[EmailMultiAlternatives]) -> int:
    """Send several messages over one SMTP connection; returns how many the server accepted."""
    with open_connection() as connection:
        return connection.send_messages(messages) or 0


def open_connection():
    """The configured mail backend, not yet opened; use it as a context manager to keep one SMTP session."""
    return get_connection(fail_silently=False)


def message_id_domain():
    """The domain of our Message-IDs: the one we send from."""
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(">") or None
