"""Staff compose, preview, test-send, send or schedule issues in the admin, and watch the progress."""

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from newsletter.models import Delivery, NewsletterIssue
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db(transaction=True)  # sending is queued on commit

ADMIN = "/admin/newsletter/newsletterissue"


@pytest.fixture(autouse=True)
def fast_sending(settings):
    settings.NEWSLETTER_SEND_RATE = 0


def issue_form(**overrides):
    data = {
        "subject_fi": "Syksyn uutiset",
        "subject_sv": "Höstens nyheter",
        "subject_en": "Autumn news",
        "body_fi": "Hei **kaikki**",
        "body_sv": "Hej **alla**",
        "body_en": "Hello **all**",
    }
    return {**data, **overrides}


def test_staff_compose_an_issue_in_three_languages(staff_client):
    response = staff_client.post(f"{ADMIN}/add/", issue_form())
    assert response.status_code == 302
    issue = NewsletterIssue.objects.get()
    assert (issue.subject_sv, issue.body_en, issue.status) == ("Höstens nyheter", "Hello **all**", "draft")
    assert issue.created_by.email == "editor@example.org"


@pytest.mark.parametrize(("language", "subject", "body"), [("fi", "Syksyn", "kaikki"), ("sv", "Höstens", "alla")])
def test_preview_shows_the_email_in_each_language_sanitised(staff_client, language, subject, body):
    issue = NewsletterIssueFactory(
        **{f"subject_{language}": f"{subject} uutiset", f"body_{language}": f"**{body}**<script>x</script>"}
    )
    response = staff_client.get(f"{ADMIN}/{issue.pk}/preview/{language}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f"{subject} uutiset" in html and f"<strong>{body}</strong>" in html and "<script>x" not in html
    assert f'<html lang="{language}">' in html


def test_preview_is_for_staff_only(member_client):
    issue = NewsletterIssueFactory()
    response = member_client.get(f"{ADMIN}/{issue.pk}/preview/fi/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_a_test_send_goes_to_the_staff_member_in_each_language_and_to_nobody_else(staff_client):
    SubscriberFactory()
    issue = NewsletterIssueFactory()
    staff_client.post(f"{ADMIN}/{issue.pk}/send-test/")
    assert sorted(m.subject for m in mail.outbox) == [
        "[Test] Den goda spiralens nyhetsbrev",
        "[Test] Good Spiral newsletter",
        "[Testi] Hyvän kierteen uutiskirje",
    ]
    assert {m.to[0] for m in mail.outbox} == {"editor@example.org"}
    assert not Delivery.objects.exists()
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_send_now_asks_first_then_sends_to_every_active_subscriber(staff_client):
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    page = staff_client.get(f"{ADMIN}/{issue.pk}/send/").content.decode()
    assert "3 active subscribers" in page
    assert not mail.outbox
    response = staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "now"}, follow=True)
    assert "3 sent, 0 failed, 0 pending of 3" in response.content.decode()
    assert len(mail.outbox) == 3
    issue.refresh_from_db()
    assert issue.status == "sent"


def test_sending_again_from_the_admin_is_refused(staff_client):
    SubscriberFactory()
    issue = NewsletterIssueFactory()
    staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "now"})
    response = staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "now"}, follow=True)
    assert "already being sent or has been sent" in response.content.decode()
    assert len(mail.outbox) == 1


def test_staff_schedule_an_issue_and_can_take_it_back(staff_client):
    issue = NewsletterIssueFactory()
    when = timezone.localtime() + dt.timedelta(days=1)
    staff_client.post(
        f"{ADMIN}/{issue.pk}/send/",
        {"when": "later", "scheduled_at_0": when.strftime("%Y-%m-%d"), "scheduled_at_1": when.strftime("%H:%M")},
    )
    issue.refresh_from_db()
    assert issue.status == "scheduled" and abs(issue.scheduled_at - when) < dt.timedelta(minutes=1)
    staff_client.post(f"{ADMIN}/{issue.pk}/unschedule/")
    issue.refresh_from_db()
    assert (issue.status, issue.scheduled_at) == ("draft", None)


def test_scheduling_without_a_time_is_refused_with_a_message(staff_client):
    issue = NewsletterIssueFactory()
    response = staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "later"})
    assert response.status_code == 200 and "Choose the sending time." in response.content.decode()
    issue.refresh_from_db()
    assert issue.status == "draft"


def test_an_issue_being_sent_cannot_be_edited(staff_client):
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    page = staff_client.get(f"{ADMIN}/{issue.pk}/change/").content.decode()
    assert "can no longer be edited" in page
    response = staff_client.post(f"{ADMIN}/{issue.pk}/change/", issue_form(subject_fi="Muutettu"), follow=True)
    assert "can no longer be edited" in response.content.decode()
    issue.refresh_from_db()
    assert issue.subject_fi == "Hyvän kierteen uutiskirje"


def test_the_change_page_refreshes_itself_while_sending_and_shows_progress(staff_client):
    subscribers = SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENDING)
    for subscriber, status in zip(subscribers, ["sent", "failed", "pending"], strict=True):
        Delivery.objects.create(issue=issue, subscriber=subscriber, status=status)
    html = staff_client.get(f"{ADMIN}/{issue.pk}/change/").content.decode()
    assert '<meta http-equiv="refresh" content="5">' in html
    assert "1 sent, 1 failed, 1 pending of 3" in html
    assert '<progress max="3" value="2"' in html


@pytest.mark.parametrize("count", [1, 15])
def test_issue_list_shows_progress_with_a_fixed_number_of_queries(staff_client, django_assert_max_num_queries, count):
    subscribers = SubscriberFactory.create_batch(3)
    for _ in range(count):
        issue = NewsletterIssueFactory(status=NewsletterIssue.Status.SENT)
        for subscriber in subscribers:
            Delivery.objects.create(issue=issue, subscriber=subscriber, status="sent")
    with django_assert_max_num_queries(10):
        html = staff_client.get(f"{ADMIN}/").content.decode()
    assert html.count("3 sent, 0 failed, 0 pending of 3") == count
