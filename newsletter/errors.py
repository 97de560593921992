"""The newsletter's refusals: the messages people see, together, and the error that carries them."""

from django.utils.translation import gettext_lazy as _

from hyte_portal.errors import DomainError

ERRORS = {
    "not_editable": _("This issue is being sent or has been sent, so it can no longer be edited."),
    "already_started": _("This issue is already being sent or has been sent."),
    "schedule_in_past": _("Choose a sending time in the future."),
    "no_subject": _("Write at least the Finnish subject and body before sending."),
    "not_scheduled": _("This issue is not scheduled."),
}


class NewsletterError(DomainError):
    """A rule of the newsletter refused the operation."""
