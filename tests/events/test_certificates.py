"""Course completion and certificates: the rule decides, the periodic task issues after the last session, the member
gets the PDF by e-mail in their language and finds it on My page, anyone verifies it by its code, staff revoke."""

import datetime as dt
import io
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from pypdf import PdfReader

from audit.models import AuditEntry
from events import services, tasks
from events.certificates import certificate_pdf_bytes
from events.completion import completions_for
from events.models import Certificate, Event, SessionAttendance
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.helpers import count_queries, in_days
from tests.networks.factories import NetworkFactory

pytestmark = pytest.mark.django_db

LAST_SESSION_ENDS = in_days(20)


def make_course(rule=Event.CompletionRule.ALL_SESSIONS, threshold=None, ends=LAST_SESSION_ENDS, **fields):
    """The developer coaching: three two-day sessions (12 hours each) and a closing day (7 hours)."""
    first = ends - dt.timedelta(weeks=18, hours=7)
    event = EventFactory(
        kind=Event.Kind.COACHING_SESSION,
        title_fi="Kehittäjävalmennus",
        title_sv="Utvecklarcoachning",
        title_en="Developer coaching",
        start=first,
        end=ends,
        completion_rule=rule,
        completion_threshold=threshold,
        **fields,
    )
    event.course_sessions = [
        EventSessionFactory(
            event=event,
            start=first + dt.timedelta(weeks=6 * index),
            end=first + dt.timedelta(weeks=6 * index, days=1, hours=7),
            hours=Decimal(12),
        )
        for index in range(3)
    ]
    closing = ends - dt.timedelta(hours=7)
    event.course_sessions.append(EventSessionFactory(event=event, start=closing, end=ends, hours=None))
    return event


def attend(event, user=None, sessions=4, **user_fields):
    enrollment = EnrollmentFactory(event=event, user=user or UserFactory(**user_fields))
    for session in event.course_sessions[:sessions]:
        SessionAttendance.objects.create(session=session, enrollment=enrollment)
    return enrollment


def after_the_course():
    return time_machine.travel(LAST_SESSION_ENDS + dt.timedelta(minutes=20), tick=False)


# The rule


@pytest.mark.parametrize(
    ("rule", "threshold", "sessions", "met"),
    [
        ("all_sessions", None, 4, True),
        ("all_sessions", None, 3, False),
        ("all_but", 1, 3, True),
        ("all_but", 1, 2, False),
        ("min_hours", 30, 3, True),  # 12 + 12 + 12
        ("min_hours", 30, 2, False),  # 24
        ("min_hours", 42, 4, True),  # 36 + the closing day's 7 hours from start to end
    ],
)
def test_the_completion_rule_decides(rule, threshold, sessions, met):
    event = make_course(rule, threshold)
    attend(event, sessions=sessions)
    [completion] = completions_for(event)
    assert completion.rule_met is met
    assert completion.sessions_attended == sessions and completion.sessions_total == 4


@pytest.mark.parametrize(
    ("rule", "threshold", "field"),
    [
        ("all_but", None, "completion_threshold"),
        ("min_hours", 0, "completion_threshold"),
        ("all_sessions", 2, "completion_threshold"),
    ],
)
def test_the_rule_needs_n_exactly_when_it_uses_it(rule, threshold, field):
    event = make_course(rule, threshold)
    with pytest.raises(ValidationError) as raised:
        event.full_clean()
    assert field in raised.value.message_dict


# Issuing automatically


def test_the_task_issues_certificates_to_those_who_completed_once_the_last_session_ends(on_commit):
    event = make_course(Event.CompletionRule.ALL_BUT, 1)
    completed = attend(event, sessions=3)
    missed_two = attend(event, sessions=2)
    with time_machine.travel(LAST_SESSION_ENDS - dt.timedelta(minutes=5), tick=False):
        assert tasks.issue_due_certificates.delay().get() == 0  # the closing day is still on
    with after_the_course(), on_commit():
        assert tasks.issue_due_certificates.delay().get() == 1
        assert tasks.issue_due_certificates.delay().get() == 0  # the beat running again issues nothing more
    assert Certificate.objects.get().enrollment == completed
    assert not Certificate.objects.filter(enrollment=missed_two).exists()
    entry = AuditEntry.objects.get(action="certificate.issued")
    assert entry.by_system and entry.actor is None and entry.details == {"count": 1}


def test_events_without_a_rule_get_no_automatic_certificates():
    event = make_course(rule="")
    attend(event)
    with after_the_course():
        assert services.issue_due_certificates() == 0
    assert not Certificate.objects.exists()


def test_the_management_command_issues_what_the_beat_would(capsys):
    attend(make_course())
    with after_the_course():
        call_command("issue_due_certificates")
    assert "1 certificate(s) issued." in capsys.readouterr().out
    assert Certificate.objects.count() == 1


def test_the_certificate_is_e_mailed_in_the_members_language_with_the_pdf(smtp_backend, on_commit):
    enrollment = attend(make_course(), preferred_language="sv", first_name="Saga", last_name="Lind")
    with after_the_course(), on_commit():
        services.issue_due_certificates()
    [received] = smtp_backend.received
    message = received.message
    certificate = Certificate.objects.get()
    assert received.to == enrollment.user.email
    assert message["Subject"] == "Ditt deltagarintyg: Utvecklarcoachning"
    body = message.get_body(("plain",)).get_content()
    assert certificate.code in body and f"/sv/certificates/{certificate.code}/" in body
    [pdf] = [part for part in message.iter_attachments() if part.get_content_type() == "application/pdf"]
    text = PdfReader(io.BytesIO(pdf.get_content())).pages[0].extract_text()
    assert "Deltagarintyg" in text and "Saga Lind" in text and certificate.code in text


def test_the_pdf_names_the_course_dates_sessions_hours_and_how_to_verify_it():
    event = make_course(Event.CompletionRule.MIN_HOURS, 30)
    enrollment = attend(event, sessions=3, preferred_language="en", first_name="Aino", last_name="Virtanen")
    with after_the_course():
        services.issue_certificates(event=event, by=None)
    certificate = Certificate.objects.get(enrollment=enrollment)
    text = PdfReader(io.BytesIO(certificate_pdf_bytes(certificate))).pages[0].extract_text()
    assert "Participation certificate" in text and "Aino Virtanen" in text and "Developer coaching" in text
    assert "Sessions attended: 3 of 4. Hours: 36" in text
    assert f"Verification code: {certificate.code}" in text
    assert f"http://127.0.0.1:8000/en/certificates/{certificate.code}/" in text
    with translation.override("en"):
        first_day = date_format(timezone.localtime(event.course_sessions[0].start), "SHORT_DATE_FORMAT")
        last_day = date_format(timezone.localtime(LAST_SESSION_ENDS), "SHORT_DATE_FORMAT")
    assert f"{first_day}–{last_day}" in text


# Issuing by hand


def test_staff_cannot_issue_a_certificate_to_someone_who_did_not_complete(staff_client):
    event = make_course(ends=in_days(-1))
    enrollment = attend(event, sessions=2, first_name="Ville", last_name="Vajaa")
    response = staff_client.post(
        "/admin/events/enrollment/", {"action": "issue_certificate", "_selected_action": [enrollment.pk]}, follow=True
    )
    assert "Ville Vajaa has not completed the course: 2 of 4 sessions, 24 hours attended." in response.content.decode()
    assert not Certificate.objects.exists() and not AuditEntry.objects.filter(action="certificate.issued").exists()


def test_staff_issue_a_certificate_by_hand_once_and_it_is_audited(staff_user):
    event = make_course()
    enrollment = attend(event)
    with after_the_course():
        certificate = services.issue_certificate(enrollment=enrollment, by=staff_user)
        with translation.override("en"), pytest.raises(services.CertificateError, match="already has a certificate"):
            services.issue_certificate(enrollment=enrollment, by=staff_user)
    assert certificate.issued_by == staff_user
    entry = AuditEntry.objects.get(action="certificate.issued")
    assert entry.actor == staff_user and entry.person == enrollment.user


def test_no_certificate_before_the_course_is_over(staff_user):
    enrollment = attend(make_course())
    with translation.override("en"), pytest.raises(services.CertificateError, match="once the event is over"):
        services.issue_certificate(enrollment=enrollment, by=staff_user)
    assert not Certificate.objects.exists()


# Verifying


@pytest.fixture
def issued(db):
    event = make_course(ends=in_days(-1))
    enrollment = attend(event, first_name="Aino", last_name="Virtanen", email="aino@example.org", organisation="Vantaa")
    services.issue_certificates(event=event, by=None)
    return Certificate.objects.get(enrollment=enrollment)


@pytest.mark.parametrize(
    ("language", "genuine", "course"),
    [
        ("fi", "Todistus on aito", "Kehittäjävalmennus"),
        ("sv", "Intyget är äkta", "Utvecklarcoachning"),
        ("en", "This certificate is genuine", "Developer coaching"),
    ],
)
def test_anyone_verifies_a_certificate_by_its_code_in_each_language(client, issued, language, genuine, course):
    response = client.get(f"/{language}/certificates/{issued.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert genuine in html and "Aino Virtanen" in html and course in html
    assert "aino@example.org" not in html and "Vantaa" not in html  # nothing but name, course, date, validity


def test_the_code_may_be_typed_in_lower_case(client, issued):
    assert client.get(f"/en/certificates/{issued.code.lower()}/").status_code == 200


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("ABCDEFGHJKMN", "No certificate has this code."),
        ("abc", "This is not a certificate code."),
        ("ABCDEFGHJKM0", "This is not a certificate code."),  # 0 is not in the alphabet
        ("%00%00", "This is not a certificate code."),
        ("A" * 200, "This is not a certificate code."),
        ("%F0%9F%98%80", "This is not a certificate code."),
    ],
)
def test_an_unknown_or_malformed_code_gets_a_clear_not_found_page(client, code, message):
    response = client.get(f"/en/certificates/{code}/")
    assert response.status_code == 404
    assert message in response.content.decode()


def test_the_verification_page_needs_the_same_queries_for_short_and_long_courses(client):
    few = make_course()
    attend(few)
    with after_the_course():
        services.issue_certificates(event=few, by=None)
    first = Certificate.objects.get()
    small = count_queries(client, f"/en/certificates/{first.code}/")
    many = make_course(Event.CompletionRule.ALL_BUT, 20)
    EventSessionFactory.create_batch(20, event=many, start=many.start, end=many.start + dt.timedelta(hours=2))
    for _index in range(10):
        attend(many)
    with after_the_course():
        services.issue_certificates(event=many, by=None)
    large = count_queries(
        client, f"/en/certificates/{Certificate.objects.filter(enrollment__event=many).first().code}/"
    )
    assert small == large
    assert small <= 4


# Revoking


def test_staff_revoke_a_certificate_and_its_page_then_says_so(staff_client, client, issued):
    response = staff_client.post(
        "/admin/events/certificate/", {"action": "revoke", "_selected_action": [issued.pk]}, follow=True
    )
    assert f"Certificate {issued.code} revoked." in response.content.decode()
    issued.refresh_from_db()
    assert issued.is_revoked and issued.revoked_by == staff_client.user
    entry = AuditEntry.objects.get(action="certificate.revoked")
    assert entry.actor == staff_client.user and entry.person == issued.enrollment.user
    html = client.get(f"/en/certificates/{issued.code}/").content.decode()
    assert "This certificate has been revoked." in html and "This certificate is genuine" not in html


def test_a_revoked_certificate_cannot_be_revoked_again_nor_downloaded(client, issued, staff_user):
    services.revoke_certificate(certificate=issued, by=staff_user)
    with translation.override("en"), pytest.raises(services.CertificateError, match="already been revoked"):
        services.revoke_certificate(certificate=issued, by=staff_user)
    client.force_login(issued.enrollment.user)
    assert client.get(issued.get_absolute_url()).status_code == 404
    assert AuditEntry.objects.filter(action="certificate.revoked").count() == 1


# My page and the admin


def test_my_page_lists_the_certificate_with_its_verification_link_in_my_language(client, issued):
    client.force_login(issued.enrollment.user)
    html = client.get("/sv/me/").content.decode()
    assert "Utvecklarcoachning" in html and issued.get_absolute_url() in html
    assert f"/sv/certificates/{issued.code}/" in html


def test_staff_see_completion_per_participant(staff_client):
    event = make_course()
    attend(event, sessions=4, first_name="Aino", last_name="Valmis")
    attend(event, sessions=1, first_name="Eero", last_name="Kesken")
    change = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert f"/admin/events/event/{event.pk}/completion/" in change
    html = staff_client.get(f"/admin/events/event/{event.pk}/completion/").content.decode()
    assert "Aino Valmis</th>\n    <td>4 / 4</td>\n    <td>43</td>\n    <td>yes</td>" in html
    assert "Eero Kesken</th>\n    <td>1 / 4</td>\n    <td>12</td>\n    <td>no</td>" in html


def test_coordinator_sees_completion_of_their_own_networks_courses_only(coordinator_client, coordinator):
    own = make_course(network=coordinator.own_network)
    other = make_course(network=NetworkFactory())
    assert coordinator_client.get(f"/admin/events/event/{own.pk}/completion/").status_code == 200
    assert coordinator_client.get(f"/admin/events/event/{other.pk}/completion/").status_code == 404


def test_the_completion_rule_is_set_in_the_event_form(staff_client):
    event = make_course()
    html = staff_client.get(f"/admin/events/event/{event.pk}/change/").content.decode()
    assert 'name="completion_rule"' in html and 'name="completion_threshold"' in html
    assert 'name="sessions-0-hours"' in html


def test_the_admin_completion_page_needs_the_same_queries_for_few_and_many_participants(staff_client):
    event = make_course(ends=in_days(-1))
    attend(event)
    services.issue_certificates(event=event, by=None)
    path = f"/admin/events/event/{event.pk}/completion/"
    few = count_queries(staff_client, path)
    for sessions in range(5):
        attend(event, sessions=sessions)
    services.issue_certificates(event=event, by=None)
    assert count_queries(staff_client, path) == few
