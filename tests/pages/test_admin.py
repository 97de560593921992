"""Staff edit the pages' texts in the admin (the change shows at once and leaves an audit entry) and read feedback."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from audit.models import AuditEntry
from pages.initial_content import TRANSLATED_FIELDS
from pages.models import ContentPage, Feedback
from tests.factories import UserFactory
from tests.networks.factories import make_coordinator
from tests.pages.factories import FeedbackFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = UserFactory(is_staff=True, is_superuser=True, email="editor@example.org")
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the admin has no language prefix
    client.user = user
    return client


def change_url(page):
    return reverse("admin:pages_contentpage_change", args=[page.pk])


def page_form(page, **changes):
    """The change form's data as the browser would send it: every field the page's form shows."""
    data = {}
    for field in ContentPage._meta.concrete_fields:
        name = field.name
        if field.editable and not name.endswith(("_fi", "_sv", "_en")) and name not in ("id", "updated_by"):
            if name in TRANSLATED_FIELDS:
                data.update({f"{name}_{lang}": getattr(page, f"{name}_{lang}") or "" for lang in ("fi", "sv", "en")})
            else:
                value = getattr(page, name)
                data[name] = value.isoformat() if isinstance(value, dt.date) else value or ""
    return {**data, **changes}


def test_staff_change_the_controllers_address_and_the_privacy_notice_shows_it(staff, client, content_pages):
    page = content_pages["privacy"]
    response = staff.post(change_url(page), page_form(page, contact_email="dpo@example.org", title_sv="Dataskydd"))
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client.get("/sv/privacy/").content.decode()
    assert "<h1>Dataskydd</h1>" in html
    assert 'href="mailto:dpo@example.org"' in html
    page.refresh_from_db()
    assert page.updated_by == staff.user


def test_a_staff_edit_is_written_to_the_audit_trail(staff, content_pages):
    page = content_pages["accessibility"]
    staff.post(change_url(page), page_form(page, compliance_status="fully", reviewed_on="2027-01-15"))
    entry = AuditEntry.objects.get(action="page.changed")
    assert (entry.actor, entry.object_type, entry.object_id) == (staff.user, "pages.contentpage", str(page.pk))
    assert entry.details == {"kind": "accessibility", "fields": ["compliance_status", "reviewed_on"]}


def test_each_page_shows_only_its_own_fields(staff, content_pages):
    accessibility = staff.get(change_url(content_pages["accessibility"])).content.decode()
    about = staff.get(change_url(content_pages["about"])).content.decode()
    assert 'name="non_conformities_sv"' in accessibility and 'name="supervisor_contact_en"' in accessibility
    assert 'name="non_conformities_sv"' not in about and 'name="contact_email"' not in about
    assert 'name="title_fi"' in about and 'name="body_en"' in about


def test_nobody_adds_or_deletes_a_page(staff, content_pages):
    page = content_pages["privacy"]
    assert staff.get(reverse("admin:pages_contentpage_add")).status_code == 403
    assert staff.post(reverse("admin:pages_contentpage_delete", args=[page.pk]), {"post": "yes"}).status_code == 403
    assert ContentPage.objects.count() == 4


def test_a_coordinator_cannot_edit_the_pages(client, content_pages):
    coordinator = make_coordinator()
    client.force_login(coordinator)
    assert client.get(change_url(content_pages["privacy"])).status_code == 403


def test_an_invalid_edit_changes_nothing(staff, content_pages):
    page = content_pages["contact"]
    response = staff.post(change_url(page), page_form(page, contact_email="not an address", title_fi=""))
    assert response.status_code == 200
    page.refresh_from_db()
    assert page.contact_email == "hyte@example.org"
    assert not AuditEntry.objects.filter(action="page.changed").exists()


def test_staff_see_when_each_message_must_be_answered(staff):
    with time_machine.travel("2026-11-10 09:00 +0200", tick=False):
        FeedbackFactory(message="Late one")
    with time_machine.travel("2026-11-30 09:00 +0200", tick=False):
        FeedbackFactory(message="Fresh one")
        html = staff.get(reverse("admin:pages_feedback_changelist")).content.decode()
    assert "24 Nov 2026 (overdue)" in html  # received 10 November, 14 days to answer
    assert "14 Dec 2026" in html


def test_staff_mark_feedback_handled_and_the_trail_says_who(staff):
    first, second = FeedbackFactory(), FeedbackFactory()
    response = staff.post(
        reverse("admin:pages_feedback_changelist"),
        {"action": "mark_handled", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assert "2 messages marked handled." in response.content.decode()
    assert Feedback.objects.filter(handled_by=staff.user).count() == 2
    assert AuditEntry.objects.filter(action="feedback.handled", actor=staff.user).count() == 2


def test_a_message_is_read_not_edited(staff):
    feedback = FeedbackFactory(message="Original words")
    url = reverse("admin:pages_feedback_change", args=[feedback.pk])
    page = staff.get(url)
    assert page.status_code == 200 and "Original words" in page.content.decode()
    assert b'name="_save"' not in page.content
    assert staff.post(url, {"message": "Forged words"}).status_code == 403
    assert staff.get(reverse("admin:pages_feedback_add")).status_code == 403
    feedback.refresh_from_db()
    assert feedback.message == "Original words"
