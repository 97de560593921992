"""The e-mail that tells staff about a feedback message (hyte_portal.emails renders and sends it)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .models import Feedback


def feedback_email_kwargs(feedback: Feedback, *, to: str) -> dict:
    """Arguments for hyte_portal.emails.send_email: the message, who sent it and the date an answer is due.

    Staff answer by replying: when the sender gave an address and asked for an answer, it is the Reply-To.
    """
    language = settings.LANGUAGE_CODE  # a shared staff mailbox has no language of its own
    with translation.override(language):
        admin_url = settings.SITE_URL + reverse("admin:pages_feedback_change", args=[feedback.pk])
        topic = str(feedback.get_topic_display())
        written_in = str(feedback.get_language_display())
    return {
        "template": "pages/emails/feedback_received",
        "to": to,
        "language": language,
        "context": {"feedback": feedback, "topic": topic, "written_in": written_in, "admin_url": admin_url},
        "headers": {"Reply-To": feedback.email} if feedback.wants_reply and feedback.email else None,
    }
