"""Every state change of an enrolment e-mails the member in their own language."""

import email
import email.policy

import icalendar
import pytest
import vobject
from django.core import mail

from events import services
from events.models import Enrollment
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import own_callbacks

pytestmark = pytest.mark.django_db


def test_confirmation_is_in_the_members_language_with_a_calendar_file_and_the_link(on_commit):
    member = UserFactory(preferred_language="sv", first_name="Aino")
    event = EventFactory(title_sv="Morgonmöte", online_url="https://teams.example.org/m")
    with on_commit():
        services.enroll(event=event, user=member)
    [message] = mail.outbox
    assert message.subject == "Anmälan bekräftad: Morgonmöte"
    assert "Hej Aino," in message.body and "https://teams.example.org/m" in message.body
    filename, content, mimetype = message.attachments[0]
    assert filename == f"{event.slug}.ics" and mimetype.startswith("text/calendar")
    [vevent] = icalendar.Calendar.from_ical(content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Morgonmöte" and "teams.example.org/m" in str(vevent["LOCATION"])
    assert vobject.readOne(content).vevent.summary.value == "Morgonmöte"


def test_waitlisted_member_is_told_the_position_and_gets_a_tentative_entry_without_the_link(full_event, on_commit):
    member = UserFactory(preferred_language="en")
    mail.outbox.clear()
    with on_commit():
        services.enroll(event=full_event, user=member)
    [message] = mail.outbox
    assert message.subject == f"On the waiting list: {full_event.title_en}"
    assert "waiting list in position 1" in message.body
    assert full_event.online_url not in message.body
    [vevent] = icalendar.Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")
    assert str(vevent["STATUS"]) == "TENTATIVE" and full_event.online_url not in vevent.to_ical().decode()


def test_promoted_member_gets_the_link_and_a_calendar_file(full_event, on_commit):
    holder = full_event.enrollments.get()
    waiting = services.enroll(event=full_event, user=UserFactory(preferred_language="fi"))
    mail.outbox.clear()
    with on_commit():
        services.cancel_enrollment(enrollment=holder, user=holder.user)
    promoted = next(m for m in mail.outbox if m.to == [waiting.user.email])
    assert promoted.subject.startswith("Paikka vapautui, pääset mukaan")
    assert full_event.online_url in promoted.body and promoted.attachments


def cancellation_mail(on_commit, user):
    """The one e-mail a member gets when they cancel their enrolment."""
    enrollment = services.enroll(event=EventFactory(), user=user)
    mail.outbox.clear()
    with on_commit():
        services.cancel_enrollment(enrollment=enrollment, user=user)
    [message] = mail.outbox
    return message


def test_cancellation_mail_carries_a_calendar_cancellation(on_commit, user):
    message = cancellation_mail(on_commit, user)
    calendar = icalendar.Calendar.from_ical(message.attachments[0][1])
    assert str(calendar["METHOD"]) == "CANCEL"
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "CANCELLED"


def calendar_part(message):
    """The text/calendar part of the message as the mail server receives it."""
    parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
    [part] = [part for part in parsed.walk() if part.get_content_type() == "text/calendar"]
    return part


def test_the_calendar_attachment_states_its_charset_once(on_commit, user):
    with on_commit():
        services.enroll(event=EventFactory(), user=user)
    [message] = mail.outbox
    content_type = calendar_part(message)["Content-Type"]
    assert content_type.lower().count("charset") == 1
    assert content_type.params == {"charset": "utf-8", "method": "PUBLISH"}


def test_a_cancellation_attachment_says_cancel_in_its_type_as_in_its_content(on_commit, user):
    part = calendar_part(cancellation_mail(on_commit, user))
    assert part["Content-Type"].params["method"] == "CANCEL"
    assert "METHOD:CANCEL" in part.get_content()


def test_a_stale_task_sends_nothing(user):
    """A confirmation task that runs after the member already cancelled does not confirm them."""
    from events.emails import send_enrollment_email

    enrollment = services.enroll(event=EventFactory(), user=user)
    Enrollment.objects.filter(pk=enrollment.pk).update(status=Enrollment.Status.CANCELLED)
    assert send_enrollment_email(enrollment_id=enrollment.pk, kind="confirmed") is False
    assert send_enrollment_email(enrollment_id=987654, kind="confirmed") is False
    assert mail.outbox == []


def test_staff_change_of_time_notifies_the_enrolled(on_commit, user):
    event = EventFactory()
    services.enroll(event=event, user=user)
    services.enroll(event=event, user=UserFactory()).delete()
    mail.outbox.clear()
    with on_commit():
        assert services.notify_event_changed(event=event, changed_fields=["start", "end"]) == 1
        assert services.notify_event_changed(event=event, changed_fields=["description_fi"]) == 0
    [message] = mail.outbox
    assert message.subject.startswith("Tilaisuuden tiedot muuttuivat")


def test_a_mail_server_failure_does_not_undo_or_break_the_enrolment(member_client, user, settings, on_commit):
    settings.EMAIL_BACKEND = "tests.events.test_emails.BrokenBackend"
    event = EventFactory()
    with on_commit() as callbacks:
        response = member_client.post(f"/en/events/{event.slug}/enrol/")
    assert len(own_callbacks(callbacks)) == 1  # the confirmation task ran, and its failure was logged, not raised
    assert response.status_code == 302
    assert Enrollment.objects.get(user=user).status == Enrollment.Status.CONFIRMED


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")
