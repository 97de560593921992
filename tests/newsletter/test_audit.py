"""Scheduling and sending an issue leave an entry in the audit trail: by the staff member, or the system when a
scheduled issue's time comes."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from audit.models import AuditEntry
from newsletter import services
from newsletter.models import NewsletterIssue
from tests.newsletter.factories import NewsletterIssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db  # the sending itself, queued on commit, never starts here

ADMIN = "/admin/newsletter/newsletterissue"


def test_scheduling_and_taking_back_in_the_admin_are_recorded(staff_client):
    issue = NewsletterIssueFactory()
    when = timezone.localtime() + dt.timedelta(days=1)
    staff_client.post(
        f"{ADMIN}/{issue.pk}/send/",
        {"when": "later", "scheduled_at_0": when.strftime("%Y-%m-%d"), "scheduled_at_1": when.strftime("%H:%M")},
    )
    staff_client.post(f"{ADMIN}/{issue.pk}/unschedule/")
    scheduled, unscheduled = AuditEntry.objects.filter(action__startswith="newsletter.").order_by("pk")
    assert (scheduled.action, scheduled.actor, scheduled.object_id) == (
        "newsletter.scheduled",
        staff_client.user,
        str(issue.pk),
    )
    assert abs(parse_datetime(scheduled.details["scheduled_at"]) - when) < dt.timedelta(minutes=1)
    assert (unscheduled.action, unscheduled.actor) == ("newsletter.unscheduled", staff_client.user)


def test_sending_now_in_the_admin_is_recorded_with_the_number_of_recipients(staff_client):
    SubscriberFactory.create_batch(3)
    issue = NewsletterIssueFactory()
    staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "now"})
    staff_client.post(f"{ADMIN}/{issue.pk}/send/", {"when": "now"})  # refused: already being sent
    entry = AuditEntry.objects.get(action="newsletter.sent")
    assert (entry.actor, entry.object_id, entry.details) == (staff_client.user, str(issue.pk), {"recipients": 3})


def test_a_scheduled_issue_is_sent_by_the_system_when_its_time_comes(staff_user):
    SubscriberFactory()
    issue = NewsletterIssueFactory()
    when = timezone.now() + dt.timedelta(hours=1)
    services.schedule_issue(issue_id=issue.pk, when=when, by=staff_user)
    with time_machine.travel(when + dt.timedelta(minutes=1)):
        services.start_due_issues()
        services.start_due_issues()
    entry = AuditEntry.objects.get(action="newsletter.sent")
    assert entry.by_system and entry.details == {"recipients": 1}
    assert NewsletterIssue.objects.get(pk=issue.pk).status == NewsletterIssue.Status.SENDING


def test_a_refused_schedule_leaves_no_entry(staff_user):
    issue = NewsletterIssueFactory(subject_fi="")
    with pytest.raises(services.NewsletterError):
        services.schedule_issue(issue_id=issue.pk, when=timezone.now() + dt.timedelta(hours=1), by=staff_user)
    assert not AuditEntry.objects.filter(action__startswith="newsletter.").exists()
