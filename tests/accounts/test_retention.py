"""Privacy by default: enrolment answers, accounts never verified and unconfirmed newsletter sign-ups go after their
retention periods, in one run that leaves its counts in the audit trail (accounts.retention)."""

import datetime as dt
import io

import pytest
import time_machine
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command

from accounts.models import User
from accounts.retention import apply_retention
from audit.models import AuditEntry
from events.models import Enrollment
from networks.models import Invitation
from networks.services import invite_member
from newsletter.models import Subscriber
from tests.events.factories import EnrollmentFactory, EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import NetworkFactory
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db

NOTHING_REMOVED = {
    "enrollment_answers_erased": 0,
    "unverified_accounts_removed": 0,
    "newsletter_sign_ups_removed": 0,
    "expired_invitations_removed": 0,
}


def enrollment_of_an_event_that_ended(days_ago: float) -> Enrollment:
    end = in_days(-days_ago)
    event = EventFactory(start=end - dt.timedelta(hours=2), end=end)
    return EnrollmentFactory(event=event, answers={"diet": "gluteeniton"}, attended=True)


def unverified_account(*, joined_days_ago: float, **fields) -> User:
    user = UserFactory(verified_email=False, date_joined=in_days(-joined_days_ago), **fields)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    return user


def test_the_answers_of_an_event_that_ended_31_days_ago_are_gone_but_the_enrolment_still_counts():
    old = enrollment_of_an_event_that_ended(days_ago=31)
    apply_retention()
    old.refresh_from_db()
    assert old.answers == {}
    assert (old.status, old.attended) == (Enrollment.Status.CONFIRMED, True)
    assert Enrollment.objects.filter(event=old.event, status=Enrollment.Status.CONFIRMED).count() == 1


def test_the_answers_of_an_event_that_ended_29_days_ago_are_kept():
    recent = enrollment_of_an_event_that_ended(days_ago=29)
    apply_retention()
    recent.refresh_from_db()
    assert recent.answers == {"diet": "gluteeniton"}


def test_the_answers_period_is_a_setting(settings):
    settings.ENROLLMENT_ANSWERS_RETENTION_DAYS = 10
    enrollment = enrollment_of_an_event_that_ended(days_ago=11)
    apply_retention()
    enrollment.refresh_from_db()
    assert enrollment.answers == {}


def test_an_account_never_verified_goes_after_7_days_through_the_account_deletion():
    stale = unverified_account(joined_days_ago=8)
    stale_id = stale.pk
    apply_retention()
    assert not User.objects.filter(pk=stale_id).exists()
    assert not EmailAddress.objects.filter(email=stale.email).exists()
    erased = AuditEntry.objects.get(action="account.erased")
    assert erased.by_system and erased.details == {"user_id": stale_id} and erased.object_label == ""


def test_verified_recent_logged_in_and_staff_accounts_are_kept():
    kept = [
        UserFactory(date_joined=in_days(-8)),  # verified
        unverified_account(joined_days_ago=6),
        unverified_account(joined_days_ago=30, last_login=in_days(-20)),
        unverified_account(joined_days_ago=30, is_staff=True),
        UserFactory(verified_email=False, date_joined=in_days(-30), is_superuser=True),  # createsuperuser's kind
    ]
    apply_retention()
    assert User.objects.filter(pk__in=[user.pk for user in kept]).count() == len(kept)


def test_newsletter_sign_ups_never_confirmed_go_after_their_confirmation_period():
    days = settings.NEWSLETTER_CONFIRMATION_DAYS
    expired = SubscriberFactory(status=Subscriber.Status.PENDING, confirmation_sent_at=in_days(-days - 1))
    waiting = SubscriberFactory(status=Subscriber.Status.PENDING, confirmation_sent_at=in_days(-days + 1))
    active = SubscriberFactory(status=Subscriber.Status.ACTIVE, confirmation_sent_at=in_days(-days - 30))
    apply_retention()
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {waiting.pk, active.pk}
    assert not Subscriber.objects.filter(pk=expired.pk).exists()


def test_each_run_leaves_its_counts_in_the_audit_trail_and_a_second_run_removes_nothing_more():
    enrollment_of_an_event_that_ended(days_ago=40)
    enrollment_of_an_event_that_ended(days_ago=35)
    unverified_account(joined_days_ago=9)
    SubscriberFactory(status=Subscriber.Status.PENDING, confirmation_sent_at=in_days(-30))
    with time_machine.travel(in_days(-15)):
        invite_member(network=NetworkFactory(), email="never-answered@example.org", invited_by=None)
    counts = {
        "enrollment_answers_erased": 2,
        "unverified_accounts_removed": 1,
        "newsletter_sign_ups_removed": 1,
        "expired_invitations_removed": 1,
    }
    assert apply_retention() == counts
    assert apply_retention() == NOTHING_REMOVED
    first, second = AuditEntry.objects.filter(action="privacy.retention_applied").order_by("pk")
    assert (first.details, second.details) == (counts, NOTHING_REMOVED)
    assert first.by_system and first.actor is None


def test_a_run_that_fails_removes_nothing_and_records_nothing(monkeypatch):
    enrollment = enrollment_of_an_event_that_ended(days_ago=31)
    stale = unverified_account(joined_days_ago=8)

    def fail(*, now=None):
        raise RuntimeError("the newsletter's table is locked away")

    monkeypatch.setattr("newsletter.services.delete_expired_subscribers", fail)
    with pytest.raises(RuntimeError):
        apply_retention()
    enrollment.refresh_from_db()
    assert enrollment.answers and User.objects.filter(pk=stale.pk).exists()
    assert not AuditEntry.objects.filter(action__in=["privacy.retention_applied", "account.erased"]).exists()


def test_the_command_applies_the_retention_and_says_what_it_removed():
    enrollment_of_an_event_that_ended(days_ago=31)
    output = io.StringIO()
    call_command("apply_retention", stdout=output)
    assert "enrollment_answers_erased: 1" in output.getvalue()
    assert AuditEntry.objects.get(action="privacy.retention_applied").details["enrollment_answers_erased"] == 1


def test_the_beat_runs_the_retention_task_daily():
    from accounts import tasks
    from hyte_portal.celery import app

    [entry] = [entry for entry in settings.CELERY_BEAT_SCHEDULE.values() if entry["task"].endswith("apply_retention")]
    assert entry["task"] in app.tasks and entry["schedule"] == 24 * 3600
    assert tasks.apply_retention.delay().get() == NOTHING_REMOVED


def test_invitations_nobody_can_accept_any_more_are_removed_and_the_trail_forgets_their_address():
    network = NetworkFactory()
    with time_machine.travel(in_days(-15)):
        expired = invite_member(network=network, email="expired@example.org", invited_by=None)
        replaced = invite_member(network=network, email="twice@example.org", invited_by=None)
        accepted = invite_member(network=network, email="accepted@example.org", invited_by=None)
        Invitation.objects.filter(pk=accepted.pk).update(status=Invitation.Status.ACCEPTED, accepted_at=in_days(-14))
    with time_machine.travel(in_days(-13)):
        waiting = invite_member(network=network, email="twice@example.org", invited_by=None)  # replaces `replaced`
    assert apply_retention()["expired_invitations_removed"] == 2
    assert set(Invitation.objects.values_list("pk", flat=True)) == {accepted.pk, waiting.pk}
    invited = AuditEntry.objects.filter(action="membership.invited")
    assert sorted(entry.details.get("email", "") for entry in invited) == [
        "",
        "",
        "accepted@example.org",
        "twice@example.org",
    ]
    assert not invited.filter(object_label__contains="expired@example.org").exists()
    assert not Invitation.objects.filter(pk__in=[expired.pk, replaced.pk]).exists()
