"""Staff run events from the admin; coordinators see only their own networks' events."""

import csv
import datetime as dt
import io

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from audit.models import AuditEntry
from events import services
from events.models import Enrollment, Event, EventSeries, SessionAttendance
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/events/event/"


def action(client, name, events, **extra):
    data = {"action": name, "_selected_action": [e.pk for e in events], **extra}
    return client.post(CHANGELIST, data)


def event_form_data(**overrides):
    start = in_days(10)
    data = {
        "title_fi": "Verkostopäivä",
        "slug": "verkostopaiva",
        "kind": "networking_day",
        "status": "published",
        "audience": "public",
        "start_0": start.strftime("%Y-%m-%d"),
        "start_1": "09:00",
        "end_0": start.strftime("%Y-%m-%d"),
        "end_1": "15:00",
        "format": "onsite",
        "venue_fi": "Sali",
        "questions": "[]",
    }
    for prefix in ("programme", "sessions", "enrollments"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    data.update(overrides)
    return data


def test_event_pages_of_the_admin_open_with_translation_tabs_and_inlines(staff_client):
    event = EventFactory()
    EnrollmentFactory(event=event)
    assert staff_client.get(CHANGELIST).status_code == 200
    html = staff_client.get(f"{CHANGELIST}{event.pk}/change/").content.decode()
    assert "title_sv" in html and "programme-TOTAL_FORMS" in html and "sessions-TOTAL_FORMS" in html
    for path in ("/admin/events/eventseries/", "/admin/events/enrollment/", "/admin/events/certificate/"):
        assert staff_client.get(path).status_code == 200


def test_an_end_before_the_start_is_a_form_error_not_a_500(staff_client):
    response = staff_client.post(f"{CHANGELIST}add/", event_form_data(end_1="08:00"))
    assert response.status_code == 200
    assert "The event must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_a_valid_event_is_saved(staff_client):
    response = staff_client.post(f"{CHANGELIST}add/", event_form_data())
    assert response.status_code == 302
    assert Event.objects.get().title_fi == "Verkostopäivä"


@pytest.mark.parametrize("rrule", ["FREQ=SOMETIMES", "BYDAY=-1TU;FREQ", "not a rule", "FREQ=MONTHLY;BYDAY=XX"])
def test_a_malformed_rrule_is_a_form_error_not_a_500(staff_client, rrule):
    data = {
        "title_fi": "Aamukahvit",
        "rrule": rrule,
        "starts_on": "2026-01-01",
        "start_time": "08:15",
        "duration_minutes": "40",
        "kind": "morning_meeting",
        "audience": "public",
        "format": "online",
        "is_active": "on",
    }
    response = staff_client.post("/admin/events/eventseries/add/", data)
    assert response.status_code == 200
    assert "not a valid recurrence rule" in response.content.decode()
    assert not EventSeries.objects.exists()


def test_malformed_questions_are_a_form_error(staff_client):
    response = staff_client.post(f"{CHANGELIST}add/", event_form_data(questions='[{"label": "no key"}]'))
    assert response.status_code == 200 and not Event.objects.exists()


def test_duplicate_action_makes_a_draft_copy(staff_client):
    event = EventFactory(slug="spiral-day")
    action(staff_client, "duplicate", [event])
    assert Event.objects.get(slug="spiral-day-copy").status == Event.Status.DRAFT


def test_cancel_action_asks_first_then_cancels_and_notifies(
    staff_client, full_event, django_capture_on_commit_callbacks
):
    response = action(staff_client, "cancel_events", [full_event])
    assert "Everyone enrolled in them" in response.content.decode()
    full_event.refresh_from_db()
    assert full_event.status == Event.Status.PUBLISHED
    with django_capture_on_commit_callbacks(execute=True):
        action(staff_client, "cancel_events", [full_event], confirm="yes")
    full_event.refresh_from_db()
    assert full_event.status == Event.Status.CANCELLED
    [message] = mail.outbox
    assert message.to == [full_event.enrollments.get().user.email] and "peruttu" in message.subject


def test_export_lists_participants_with_organisation_region_mode_answers_and_status(staff_client):
    event = EventFactory(
        format="hybrid", venue_fi="Sali", questions=[{"key": "diet", "label": {"en": "Diet", "fi": "Ruokavalio"}}]
    )
    member = UserFactory(first_name="Aino", last_name="Esimerkki", organisation="=HYPERLINK()")
    services.enroll(event=event, user=member, mode="onsite", answers={"diet": "vegan"})
    response = action(staff_client, "export_participants", [event])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:8] == [
        "Event",
        "Name",
        "E-mail address",
        "Organisation",
        "Region",
        "Participation mode",
        "Answers",
        "Status",
    ]
    assert rows[1][1] == "Aino Esimerkki" and rows[1][3] == "'=HYPERLINK()"
    assert rows[1][5] == "On site" and rows[1][6] == "Diet: vegan" and rows[1][7] == "Confirmed"


def test_attendance_is_marked_per_session_from_the_admin(staff_client):
    with time_machine.travel(in_days(-20)):
        course = EventFactory(start=in_days(1), end=in_days(15))
        first, second = EventSessionFactory(event=course), EventSessionFactory(event=course)
        enrollment = services.enroll(event=course, user=UserFactory())
    form = action(staff_client, "mark_attendance", [course]).content.decode()
    assert f'value="{enrollment.pk}:{first.pk}"' in form
    action(
        staff_client, "mark_attendance", [course], confirm="yes", present=[f"{enrollment.pk}:{first.pk}", "junk", "1:x"]
    )
    assert list(SessionAttendance.objects.values_list("session_id", flat=True)) == [first.pk]
    enrollment.refresh_from_db()
    assert enrollment.attended and second


def test_write_to_participants_sends_each_their_language(staff_client, full_event, django_capture_on_commit_callbacks):
    waiting = services.enroll(event=full_event, user=UserFactory(preferred_language="en"))
    mail.outbox.clear()
    form = action(staff_client, "write_to_participants", [full_event]).content.decode()
    assert "Subject in Swedish" in form
    with django_capture_on_commit_callbacks(execute=True):
        action(
            staff_client,
            "write_to_participants",
            [full_event],
            confirm="yes",
            statuses=["confirmed", "waitlisted"],
            subject_fi="Muutos",
            message_fi="Sali vaihtuu.",
            subject_en="A change",
            message_en="The room changes.",
        )
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[waiting.user.email] == "A change"
    assert subjects[full_event.enrollments.get(status="confirmed").user.email] == "Muutos"


def test_write_to_participants_without_finnish_redisplays_the_form(staff_client, full_event):
    response = action(staff_client, "write_to_participants", [full_event], confirm="yes", statuses=["confirmed"])
    assert response.status_code == 200 and "Please correct the errors below." in response.content.decode()


def test_certificates_are_issued_to_attendees_from_the_admin(staff_client):
    start = in_days(-2)
    with time_machine.travel(in_days(-5)):
        event = EventFactory(start=start, end=start + dt.timedelta(hours=3))
        enrollment = services.enroll(event=event, user=UserFactory())
    services.record_attendance(event=event, attended={enrollment.pk}, by=None)
    action(staff_client, "issue_certificates", [event])
    enrollment.refresh_from_db()
    assert enrollment.certificate.issued_by.is_staff


def change_event(client, event, **changes):
    """Post the event's admin change form as it stands, with `changes` applied (as staff would save it)."""
    page = client.get(f"{CHANGELIST}{event.pk}/change/")
    form = page.context["adminform"].form
    post = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    for name in ("start", "end", "enrollment_opens", "enrollment_closes", "cancellation_deadline"):
        value = post.pop(name, None)
        if value:
            local = timezone.localtime(value)
            post[f"{name}_0"], post[f"{name}_1"] = local.strftime("%Y-%m-%d"), local.strftime("%H:%M:%S")
    post["questions"] = "[]"
    for formset in (inline.formset for inline in page.context["inline_admin_formsets"]):
        prefix = formset.prefix
        post[f"{prefix}-TOTAL_FORMS"] = str(formset.total_form_count())
        post[f"{prefix}-INITIAL_FORMS"] = str(formset.initial_form_count())
        for i, inline_form in enumerate(formset.forms):
            post[f"{prefix}-{i}-id"] = inline_form.instance.pk
            post[f"{prefix}-{i}-event"] = event.pk
    post.update(changes)
    response = client.post(f"{CHANGELIST}{event.pk}/change/", post)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


def test_raising_the_capacity_in_the_admin_moves_the_waiting_list_up(staff_client, full_event):
    waiting = services.enroll(event=full_event, user=UserFactory())
    change_event(staff_client, full_event, capacity="2")
    waiting.refresh_from_db()
    assert waiting.status == Enrollment.Status.CONFIRMED


def test_moving_the_event_in_the_admin_notifies_the_enrolled(
    staff_client, full_event, django_capture_on_commit_callbacks
):
    later = timezone.localtime(full_event.start + dt.timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        change_event(staff_client, full_event, start_0=later.strftime("%Y-%m-%d"), end_0=later.strftime("%Y-%m-%d"))
    [message] = mail.outbox
    assert message.subject.startswith("Tilaisuuden tiedot muuttuivat")


def test_a_change_saved_in_the_admin_is_audited_with_who_and_the_old_and_new_values(staff_client):
    start = in_days(10).replace(microsecond=0)
    event = EventFactory(start=start, end=start + dt.timedelta(hours=1), capacity=1)
    change_event(staff_client, event, capacity="3")
    entry = AuditEntry.objects.get(action="event.changed")
    assert (entry.actor, entry.object_id, entry.details) == (staff_client.user, str(event.pk), {"capacity": [1, 3]})


def test_setting_the_status_to_cancelled_in_the_form_cancels_through_the_service(
    staff_client, full_event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change_event(staff_client, full_event, status="cancelled")
    full_event.refresh_from_db()
    assert full_event.status == Event.Status.CANCELLED
    [message] = mail.outbox
    assert message.subject.startswith("Tilaisuus peruttu")


def test_generate_action_asks_how_many_and_refuses_nonsense(staff_client):
    series = EventSeries.objects.create(
        title_fi="Aamukahvit",
        rrule="FREQ=MONTHLY;BYDAY=-1TU",
        starts_on=dt.date(2026, 1, 1),
        start_time=dt.time(8, 15),
        duration_minutes=40,
        kind="morning_meeting",
    )
    data = {"action": "generate_next", "_selected_action": [series.pk]}
    assert "How many occurrences" in staff_client.post("/admin/events/eventseries/", data).content.decode()
    for count in ("0", "abc", "1000"):
        response = staff_client.post("/admin/events/eventseries/", {**data, "confirm": "yes", "count": count})
        assert response.status_code == 200 and "Please correct the errors below." in response.content.decode()
    assert not Event.objects.exists()


def test_coordinator_sees_and_manages_only_their_networks_events(coordinator_client, own_network):
    mine = EventFactory(title_en="Our workshop", network=own_network)
    theirs = EventFactory(title_en="Another network's meeting", network=NetworkFactory())
    EventFactory(title_en="Portal-wide day")
    html = coordinator_client.get(CHANGELIST).content.decode()
    assert "Our workshop" in html and "Another network" not in html and "Portal-wide day" not in html
    assert coordinator_client.get(f"{CHANGELIST}{mine.pk}/change/").status_code == 200
    assert coordinator_client.get(f"{CHANGELIST}{theirs.pk}/change/").status_code in (302, 403, 404)
    EnrollmentFactory(event=theirs)
    assert "Another network" not in coordinator_client.get("/admin/events/enrollment/").content.decode()


def test_a_session_ending_before_it_starts_is_a_form_error(staff_client):
    day = in_days(10).strftime("%Y-%m-%d")
    data = event_form_data(
        **{
            "sessions-TOTAL_FORMS": "1",
            "sessions-0-title_fi": "Ensimmäinen jakso",
            "sessions-0-start_0": day,
            "sessions-0-start_1": "12:00",
            "sessions-0-end_0": day,
            "sessions-0-end_1": "10:00",
        }
    )
    response = staff_client.post(f"{CHANGELIST}add/", data)
    assert response.status_code == 200
    assert "The session must end after it starts." in response.content.decode()
    assert not Event.objects.exists()


def test_an_onsite_event_without_a_venue_is_a_form_error(staff_client):
    response = staff_client.post(f"{CHANGELIST}add/", event_form_data(venue_fi=""))
    assert "An on-site or hybrid event needs a venue." in response.content.decode()
    assert not Event.objects.exists()
