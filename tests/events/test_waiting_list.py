"""A fair, visible waiting list: positions that move up, leaving it, promotion in order with the e-mail, and the
one-click "I can't come after all" for a member promoted less than a day before."""

import datetime as dt

import pytest
import time_machine
from django.core import mail

from events import selectors, services
from events.models import Enrollment
from events.tokens import release_token
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.helpers import in_days

pytestmark = pytest.mark.django_db


def english_user():
    return UserFactory(preferred_language="en")


def test_my_position_moves_up_as_people_ahead_leave(member_client, user):
    event = EventFactory(capacity=1, title_en="Good Spiral day")
    services.enroll(event=event, user=UserFactory())
    ahead = [services.enroll(event=event, user=UserFactory()) for _ in range(2)]
    services.enroll(event=event, user=user)
    assert "in position 3." in member_client.get(f"/en/events/{event.slug}/").content.decode()
    services.leave_waiting_list(enrollment=ahead[0], user=ahead[0].user)
    assert "in position 2." in member_client.get(f"/en/events/{event.slug}/").content.decode()
    assert "on the waiting list in position 2" in member_client.get("/en/me/").content.decode()


def test_promotion_follows_the_order_of_joining_the_list_with_the_email(on_commit):
    event = EventFactory(capacity=1, title_en="Good Spiral day")
    holder = services.enroll(event=event, user=UserFactory())
    first, second = (services.enroll(event=event, user=english_user()) for _ in range(2))
    mail.outbox.clear()
    with on_commit():
        services.cancel_enrollment(enrollment=holder, user=holder.user)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert first.promoted_at is not None
    promoted = [m for m in mail.outbox if m.to == [first.user.email]]
    assert promoted and promoted[0].subject == "A seat became free, you are in: Good Spiral day"
    assert "one click gives the seat" not in promoted[0].body  # two weeks ahead: the usual cancellation applies


def test_nobody_can_reorder_the_list_from_the_admin(staff_client):
    event = EventFactory(capacity=1)
    services.enroll(event=event, user=UserFactory())
    waiting = services.enroll(event=event, user=UserFactory())
    page = staff_client.get(f"/admin/events/enrollment/{waiting.pk}/change/").content.decode()
    assert 'name="waiting_since"' not in page and 'name="created_at"' not in page


def test_a_late_promotion_email_carries_a_one_click_release_that_frees_the_seat_again(client, on_commit):
    event = EventFactory(capacity=1, start=in_days(0, hours=20), cancellation_deadline=in_days(0, hours=2))
    event.end = event.start + dt.timedelta(hours=1)
    event.save()
    with time_machine.travel(in_days(0, hours=3)):  # after the cancellation deadline
        holder = services.enroll(event=event, user=UserFactory())
        late = services.enroll(event=event, user=english_user())
        next_one = services.enroll(event=event, user=english_user())
        mail.outbox.clear()
        with on_commit():
            services.cancel_enrollment(enrollment=holder, user=holder.user, by_staff=True)
        [email] = [m for m in mail.outbox if m.to == [late.user.email]]
        assert "If you can't come after all, one click gives the seat" in email.body
        link = next(line for line in email.body.splitlines() if "/events/release/" in line).strip()
        path = link.split("example.org", 1)[-1] if "example.org" in link else link[link.index("/en/") :]
        confirm_page = client.get(path)
        assert confirm_page.status_code == 200
        assert "Yes, give up my seat" in confirm_page.content.decode()
        late.refresh_from_db()
        assert late.status == "confirmed"  # the GET changed nothing
        done = client.post(path)
        assert "the next person in line gets the seat" in done.content.decode()
    late.refresh_from_db()
    next_one.refresh_from_db()
    assert (late.status, next_one.status) == ("cancelled", "confirmed")


@pytest.mark.parametrize("token", ["nonsense", "1:" + "a" * 43, "12345678901234567890:abc", "1:abc<def>"])
def test_a_malformed_or_forged_release_link_is_a_clear_page_and_changes_nothing(client, token):
    event = EventFactory(capacity=1)
    enrollment = services.enroll(event=event, user=UserFactory())
    for response in (client.get(f"/en/events/release/{token}/"), client.post(f"/en/events/release/{token}/")):
        assert response.status_code == 404
        assert "This link is not valid." in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == "confirmed"


def test_a_release_link_of_a_cancelled_enrolment_says_so(client):
    event = EventFactory(capacity=1)
    enrollment = services.enroll(event=event, user=UserFactory())
    services.cancel_enrollment(enrollment=enrollment, user=enrollment.user)
    response = client.post(f"/en/events/release/{release_token(enrollment.pk)}/")
    assert response.status_code == 400
    assert "already been cancelled" in response.content.decode()


def test_a_member_promoted_late_may_cancel_until_the_start_whatever_the_deadline():
    event = EventFactory(capacity=1, start=in_days(0, hours=10), cancellation_deadline=in_days(-1))
    enrollment = services.enroll(event=event, user=UserFactory())
    assert selectors.cancellation_refusal(enrollment) is not None
    Enrollment.objects.filter(pk=enrollment.pk).update(promoted_at=in_days(0))
    enrollment.refresh_from_db()
    assert selectors.cancellation_refusal(enrollment) is None


def test_leaving_a_waiting_list_from_the_page_when_not_on_one_is_a_message(member_client, user):
    event = EventFactory(capacity=3)
    mine = services.enroll(event=event, user=user)
    response = member_client.post(f"/en/events/enrolments/{mine.pk}/leave-waiting-list/", follow=True)
    assert "You are not on this event&#x27;s waiting list." in response.content.decode()
    mine.refresh_from_db()
    assert mine.status == "confirmed"


def test_staff_enrol_a_person_from_the_admin_and_it_is_audited(staff_client, staff_user):
    from audit.models import AuditEntry

    event = EventFactory(capacity=2)
    person = UserFactory(email="speaker@example.org")
    response = staff_client.post(
        "/admin/events/event/",
        {"action": "enroll_person", "_selected_action": [event.pk], "confirm": "yes", "email": "Speaker@example.org"},
    )
    assert response.status_code == 302
    enrollment = Enrollment.objects.get(event=event, user=person)
    assert enrollment.status == "confirmed"
    assert AuditEntry.objects.filter(action="enrollment.added_by_staff", actor=staff_user).exists()


def test_staff_enrolling_an_unknown_address_re_shows_the_form(staff_client):
    event = EventFactory(capacity=2)
    response = staff_client.post(
        "/admin/events/event/",
        {"action": "enroll_person", "_selected_action": [event.pk], "confirm": "yes", "email": "nobody@example.org"},
    )
    assert response.status_code == 200
    assert "No active account has this e-mail address." in response.content.decode()
    assert not Enrollment.objects.filter(event=event).exists()
