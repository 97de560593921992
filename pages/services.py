"""The operations that change the pages app's data: creating the four pages, saving a staff edit (with its audit
entry), receiving a feedback message and e-mailing it to staff, and marking it handled."""

from django.apps import apps as global_apps
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from audit.services import record
from hyte_portal.emails import send_email

from .emails import feedback_email_kwargs
from .initial_content import INITIAL_PAGES, page_field_values
from .models import ContentPage, Feedback


def create_missing_pages(apps=global_apps) -> int:
    """Create those of the four pages that do not exist yet, with the initial texts; returns how many were made.

    A page that exists is left as it is, whatever staff have written into it. Takes `apps` so that the data
    migration can call it with the historical models.
    """
    model = apps.get_model("pages", "ContentPage")
    created = 0
    for kind in INITIAL_PAGES:
        _page, was_created = model.objects.get_or_create(kind=kind, defaults=page_field_values(kind))
        created += was_created
    return created


def save_page(*, page: ContentPage, by, changed_fields: list[str]) -> ContentPage:
    """Save a staff edit of a page and write `page.changed` (with the names of the changed fields) to the trail."""
    with transaction.atomic():
        page.updated_by = by
        page.save()
        record(actor=by, action="page.changed", obj=page, details={"kind": page.kind, "fields": changed_fields})
    return page


def submit_feedback(
    *, topic: str, message: str, name: str, email: str, wants_reply: bool, page: str, language: str
) -> Feedback:
    """Store a feedback message and, once it is committed, queue the e-mail that tells staff about it."""
    from .tasks import send_feedback_to_staff

    with transaction.atomic():
        feedback = Feedback.objects.create(
            topic=topic,
            message=message,
            name=name,
            email=email,
            wants_reply=wants_reply,
            page=page,
            language=language,
        )
        transaction.on_commit(lambda: send_feedback_to_staff.delay(feedback.pk), robust=True)
    return feedback


def send_feedback_to_staff(*, feedback_id: int) -> bool:
    """E-mail a feedback message to FEEDBACK_EMAIL; True if it went out, False if it had been sent already.

    The row is locked and marked in the same transaction, so a retried or doubled task mails it once.
    """
    with transaction.atomic():
        feedback = Feedback.objects.select_for_update().filter(pk=feedback_id, mailed_at=None).first()
        if feedback is None:
            return False
        send_email(**feedback_email_kwargs(feedback, to=settings.FEEDBACK_EMAIL))
        feedback.mailed_at = timezone.now()
        feedback.save(update_fields=["mailed_at"])
    return True


def mark_feedback_handled(*, feedback_ids, by) -> int:
    """Mark the given feedback messages handled by `by` (those not handled yet); returns how many were marked."""
    with transaction.atomic():
        marked = 0
        for feedback in Feedback.objects.select_for_update().filter(pk__in=feedback_ids, handled_at=None):
            feedback.handled_at, feedback.handled_by = timezone.now(), by
            feedback.save(update_fields=["handled_at", "handled_by"])
            record(actor=by, action="feedback.handled", obj=feedback, details={"topic": feedback.topic})
            marked += 1
    return marked
