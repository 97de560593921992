"""The events pages as members and visitors use them."""

import re

import pytest
import time_machine
from django.core import mail

from events import services
from events.models import Certificate, Enrollment, Event
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.factories import UserFactory
from tests.helpers import in_days
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def test_event_list_shows_upcoming_published_events_soonest_first(client):
    later = EventFactory(title_en="Later day", start=in_days(20), end=in_days(20, 2))
    sooner = EventFactory(title_en="Sooner meeting", start=in_days(2), end=in_days(2, 1))
    EventFactory(title_en="Draft plan", status=Event.Status.DRAFT)
    EventFactory(title_en="Old meeting", start=in_days(-5), end=in_days(-5, 1))
    html = text(client.get("/en/events/"))
    assert html.index("Sooner meeting") < html.index("Later day")
    assert "Draft plan" not in html and "Old meeting" not in html
    assert later and sooner


def test_event_list_filters_by_network_kind_and_format(client):
    network = NetworkFactory(slug="falls")
    EventFactory(title_en="Falls workshop", network=network, kind="development_workshop", format="online")
    EventFactory(title_en="Autumn celebration", kind="good_spiral_day", format="onsite", venue_fi="Sali")
    assert "Autumn celebration" not in text(client.get("/en/events/?network=falls"))
    assert "Falls workshop" in text(client.get("/en/events/?network=falls"))
    html = text(client.get("/en/events/?kind=good_spiral_day&format=onsite"))
    assert "Autumn celebration" in html and "Falls workshop" not in html


def test_forged_filter_values_are_ignored_not_an_error(client):
    EventFactory(title_en="Still listed")
    response = client.get("/en/events/?network=nope&kind=<script>&format=x&page=abc")
    assert response.status_code == 200 and "Still listed" in text(response)


def test_event_list_pages_through_many_events(client):
    for day in range(25):
        EventFactory(start=in_days(day + 1), end=in_days(day + 1, 1))
    first = text(client.get("/en/events/"))
    assert "Page 1 of 2" in first and 'rel="next"' in first
    assert "Page 2 of 2" in text(client.get("/en/events/?page=2"))


def test_archive_lists_past_events_with_their_materials_latest_first(client):
    from materials.models import Material

    old = EventFactory(title_en="Spring meeting", start=in_days(-60), end=in_days(-60, 1))
    newer = EventFactory(title_en="Autumn meeting", start=in_days(-10), end=in_days(-10, 1))
    EventFactory(title_en="Coming meeting")
    slides = Material.objects.create(
        title_fi="Diat", title_en="Slides of the spring meeting", url="https://example.org/s", kind="document"
    )
    slides.events.add(old)
    hidden = Material.objects.create(
        title_fi="Sisäinen",
        title_en="Members-only notes",
        url="https://example.org/m",
        kind="document",
        visibility="members",
    )
    hidden.events.add(old)
    html = text(client.get("/en/events/?past=1"))
    assert html.index("Autumn meeting") < html.index("Spring meeting")
    assert "Coming meeting" not in html
    assert "Slides of the spring meeting" in html and "Members-only notes" not in html
    assert newer


def test_detail_shows_time_format_venue_programme_seats_and_deadlines(client):
    event = EventFactory(
        title_en="Networking day",
        format="onsite",
        venue_en="Conference hall",
        capacity=30,
        start=in_days(10),
        end=in_days(10, 6),
        cancellation_deadline=in_days(7),
    )
    event.programme.create(start=event.start, title_en="Welcome", speaker="Chair of the network")
    EnrollmentFactory(event=event)
    html = text(client.get(f"/en/events/{event.slug}/"))
    for expected in (
        "<h1>Networking day</h1>",
        "On site",
        "Conference hall",
        "Welcome",
        "Chair of the network",
        "29 left of 30",
        "Cancel by",
        "Log in to enrol",
    ):
        assert expected in html


def test_visitor_never_sees_the_online_link(client):
    event = EventFactory(online_url="https://teams.example.org/secret-meeting")
    assert "secret-meeting" not in text(client.get(f"/en/events/{event.slug}/"))


def test_member_enrolls_sees_the_link_and_gets_the_confirmation(member_client, user, on_commit):
    event = EventFactory(online_url="https://teams.example.org/morning")
    assert "teams.example.org/morning" not in text(member_client.get(f"/en/events/{event.slug}/"))
    with on_commit():
        response = member_client.post(f"/en/events/{event.slug}/enrol/")
    assert response.status_code == 302
    page = text(member_client.get(f"/en/events/{event.slug}/"))
    assert "You are enrolled." in page and "https://teams.example.org/morning" in page
    [message] = mail.outbox
    assert message.to == [user.email] and message.attachments[0][0] == f"{event.slug}.ics"


def test_waitlisted_member_sees_the_position_but_not_the_link(member_client, full_event):
    services.enroll(event=full_event, user=UserFactory())
    member_client.post(f"/en/events/{full_event.slug}/enrol/")
    html = text(member_client.get(f"/en/events/{full_event.slug}/"))
    assert "You are on the waiting list in position 2." in html
    assert full_event.online_url not in html


def test_members_only_event_is_hidden_from_outsiders_and_shown_to_members(member_client, user):
    network = NetworkFactory()
    event = EventFactory(network=network, audience=Event.Audience.NETWORK_MEMBERS, title_en="Directors meet")
    assert member_client.get(f"/en/events/{event.slug}/").status_code == 404
    assert member_client.post(f"/en/events/{event.slug}/enrol/").status_code == 404
    assert "Directors meet" not in text(member_client.get("/en/events/"))
    assert not Enrollment.objects.exists()
    MembershipFactory(user=user, network=network)
    assert member_client.get(f"/en/events/{event.slug}/").status_code == 200
    assert "Directors meet" in text(member_client.get("/en/events/"))


def test_draft_event_is_not_found(member_client):
    event = EventFactory(status=Event.Status.DRAFT)
    assert member_client.get(f"/en/events/{event.slug}/").status_code == 404
    assert member_client.post(f"/en/events/{event.slug}/enrol/").status_code == 404
    assert member_client.get(f"/en/events/{event.slug}/calendar.ics").status_code == 404


def test_enrolling_twice_shows_a_message_and_keeps_one_enrolment(member_client, user):
    event = EventFactory()
    member_client.post(f"/en/events/{event.slug}/enrol/")
    response = member_client.post(f"/en/events/{event.slug}/enrol/", follow=True)
    assert "You have already enrolled in this event." in text(response)
    assert Enrollment.objects.filter(user=user).count() == 1


def test_enrolling_in_a_past_or_cancelled_event_shows_a_message(member_client):
    past = EventFactory(start=in_days(-1), end=in_days(-1, 1))
    cancelled = EventFactory(status=Event.Status.CANCELLED)
    assert "already started" in text(member_client.post(f"/en/events/{past.slug}/enrol/", follow=True))
    assert "has been cancelled" in text(member_client.post(f"/en/events/{cancelled.slug}/enrol/", follow=True))
    assert not Enrollment.objects.exists()


def test_forged_mode_redisplays_the_form_with_an_error(member_client):
    event = EventFactory(format="hybrid", venue_fi="Sali")
    response = member_client.post(f"/en/events/{event.slug}/enrol/", {"mode": "backstage"})
    assert response.status_code == 400
    assert "Choose whether you take part on site or online." in text(response)
    assert not Enrollment.objects.exists()


def test_hybrid_enrolment_with_answers(member_client, user):
    event = EventFactory(
        format="hybrid",
        venue_fi="Sali",
        questions=[{"key": "diet", "label": {"fi": "Ruokavalio", "en": "Dietary needs"}}],
    )
    html = text(member_client.get(f"/en/events/{event.slug}/"))
    assert "Dietary needs" in html and "How do you take part?" in html
    member_client.post(f"/en/events/{event.slug}/enrol/", {"mode": "onsite", "q_diet": "gluten-free"})
    enrollment = Enrollment.objects.get(user=user)
    assert enrollment.mode == "onsite" and enrollment.answers == {"diet": "gluten-free"}


def test_visitor_posting_an_enrolment_is_sent_to_log_in(client):
    event = EventFactory()
    response = client.post(f"/en/events/{event.slug}/enrol/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrollment.objects.exists()


def test_member_cancels_own_enrolment(member_client, user):
    enrollment = services.enroll(event=EventFactory(), user=user)
    response = member_client.post(f"/en/events/enrolments/{enrollment.pk}/cancel/", follow=True)
    assert "Your enrolment has been cancelled." in text(response)
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CANCELLED


def test_cancelling_someone_elses_enrolment_is_forbidden(member_client):
    other = EnrollmentFactory()
    assert member_client.post(f"/en/events/enrolments/{other.pk}/cancel/").status_code == 404  # as a missing one
    assert member_client.post("/en/events/enrolments/999999/cancel/").status_code == 404
    other.refresh_from_db()
    assert other.status == Enrollment.Status.CONFIRMED


def test_cancelling_after_the_deadline_shows_a_message(member_client, user):
    event = EventFactory(cancellation_deadline=in_days(1))
    enrollment = services.enroll(event=event, user=user)
    with time_machine.travel(in_days(2)):
        html = text(member_client.post(f"/en/events/enrolments/{enrollment.pk}/cancel/", follow=True))
    assert "The cancellation deadline was" in html
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CONFIRMED


def test_get_on_the_enroll_address_is_not_allowed(member_client):
    event = EventFactory()
    assert member_client.get(f"/en/events/{event.slug}/enrol/").status_code == 405


def test_cancelling_asks_for_confirmation_before_anything_changes(member_client, user):
    enrollment = services.enroll(event=EventFactory(title_en="Morning meeting: falls"), user=user)
    html = text(member_client.get(f"/en/events/{enrollment.event.slug}/"))
    assert f'href="/en/events/enrolments/{enrollment.pk}/cancel/">Cancel my enrolment</a>' in html
    html = text(member_client.get(f"/en/events/enrolments/{enrollment.pk}/cancel/"))
    assert "<h1>Cancel your enrolment in Morning meeting: falls?</h1>" in html
    assert f'<form method="post" action="/en/events/enrolments/{enrollment.pk}/cancel/"' in html
    enrollment.refresh_from_db()
    assert enrollment.status == Enrollment.Status.CONFIRMED


def test_confirmation_page_of_someone_elses_enrolment_is_not_found(member_client):
    other = EnrollmentFactory()
    assert member_client.get(f"/en/events/enrolments/{other.pk}/cancel/").status_code == 404


def test_confirmation_page_after_the_deadline_leads_back_to_the_event(member_client, user):
    event = EventFactory(cancellation_deadline=in_days(1))
    enrollment = services.enroll(event=event, user=user)
    with time_machine.travel(in_days(2)):
        response = member_client.get(f"/en/events/enrolments/{enrollment.pk}/cancel/")
    assert response.status_code == 302 and response["Location"] == f"/en/events/{event.slug}/"


def test_failed_enrolment_form_links_other_languages_to_the_event_page_not_the_post_address(member_client):
    event = EventFactory(format="hybrid")
    response = member_client.post(f"/en/events/{event.slug}/enrol/", {"mode": "nonsense"})
    assert response.status_code == 400
    html = text(response)
    assert f'<a href="/fi/events/{event.slug}/" lang="fi" hreflang="fi">' in html
    assert f'hreflang="sv" href="http://testserver/sv/events/{event.slug}/"' in html
    assert "/enrol/" not in html.split("<main")[0].replace(f'action="/en/events/{event.slug}/enrol/"', "")
    assert "<title>Error: " in html
    assert 'class="error-summary"' in html and 'href="#id_mode_0"' in html


def test_certificate_downloads_only_for_its_owner(member_client, user, client):
    start = in_days(-3)
    with time_machine.travel(in_days(-5)):
        event = EventFactory(start=start, end=start + __import__("datetime").timedelta(hours=2))
        enrollment = services.enroll(event=event, user=user)
    certificate = Certificate.objects.create(enrollment=enrollment, language="sv")
    response = member_client.get(f"/en/events/certificates/{certificate.pk}.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert b"Deltagarintyg" in response.content  # the document title, in the certificate's language
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(f"/en/events/certificates/{certificate.pk}.pdf").status_code == 404  # as a missing one


def test_my_page_lists_enrolments_with_waiting_list_position_and_certificates(member_client, user, full_event):
    services.enroll(event=full_event, user=user)
    start = in_days(-3)
    with time_machine.travel(in_days(-5)):
        past = EventFactory(
            title_en="Last spring day", start=start, end=start + __import__("datetime").timedelta(hours=2)
        )
        attended = services.enroll(event=past, user=user)
    certificate = Certificate.objects.create(enrollment=attended, language="en")
    html = text(member_client.get("/en/me/"))
    assert full_event.title_en in html and "on the waiting list in position 1" in html
    assert "Last spring day" in html and certificate.get_absolute_url() in html


def test_home_page_shows_the_next_morning_meeting_prominently(client):
    EventFactory(title_en="Good Spiral day", kind="good_spiral_day", start=in_days(1), end=in_days(1, 5))
    EventFactory(title_en="Morning meeting: falls", kind="morning_meeting", start=in_days(9), end=in_days(9, 1))
    html = text(client.get("/en/"))
    assert re.search(r'class="next-meeting">.*Next morning meeting.*Morning meeting: falls', html)
    assert "Good Spiral day" in html


def test_course_page_lists_every_session(client):
    course = EventFactory(title_en="Developer coaching", kind="coaching_session", start=in_days(10), end=in_days(60))
    for number in (1, 2, 3):
        EventSessionFactory(event=course, title_en=f"Two-day session {number}", start=in_days(10 * number))
    EventSessionFactory(event=course, title_en="Closing day", start=in_days(59))
    html = text(client.get(f"/en/events/{course.slug}/"))
    assert "One enrolment covers all the sessions." in html
    assert html.index("Two-day session 1") < html.index("Two-day session 3") < html.index("Closing day")


def test_personal_calendar_feed_lists_my_confirmed_events_with_the_link(member_client, user):
    import vobject

    mine = EventFactory(title_fi="Oma aamukahvi", online_url="https://teams.example.org/mine")
    services.enroll(event=mine, user=user)
    EventFactory(title_fi="Joku muu tilaisuus")
    member_client.post("/fi/events/feed/new/")
    feed_url = user.calendar_feed.get_absolute_url()
    assert feed_url in text(member_client.get("/fi/me/"))
    response = member_client.get(feed_url)
    parsed = vobject.readOne(response.content.decode())
    assert [vevent.summary.value for vevent in parsed.vevent_list] == ["Oma aamukahvi"]
    assert "teams.example.org/mine" in parsed.vevent.location.value


def test_replacing_the_feed_address_retires_the_old_one(member_client, user, client):
    member_client.post("/fi/events/feed/new/")
    old = user.calendar_feed.get_absolute_url()
    member_client.post("/fi/events/feed/new/")
    user.calendar_feed.refresh_from_db()
    assert client.get(old).status_code == 404
    assert client.get(user.calendar_feed.get_absolute_url()).status_code == 200


def test_a_cancelled_event_page_says_so_and_offers_no_enrolment(member_client, user):
    event = EventFactory(online_url="https://teams.example.org/gone")
    services.enroll(event=event, user=user)
    services.cancel_event(event=event, by=None)
    html = text(member_client.get(f"/en/events/{event.slug}/"))
    assert "This event has been cancelled." in html
    assert "Cancel my enrolment" not in html and "teams.example.org/gone" not in html


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("get", "/fi/events/no-such-event/", 404),
        ("get", "/fi/events/no-such-event/calendar.ics", 404),
        ("post", "/fi/events/no-such-event/enrol/", 404),
        ("get", "/fi/me/calendar/not-a-token.ics", 404),
        ("get", "/fi/events/certificates/12345.pdf", 404),
        ("post", "/fi/events/enrolments/12345/cancel/", 404),
        ("get", "/fi/events/?page=99999&past=1", 200),
        ("get", "/fi/events/?network=%00&kind=%ff", 200),
    ],
)
def test_hostile_addresses_get_a_clear_answer_never_a_500(member_client, method, path, status):
    assert getattr(member_client, method)(path).status_code == status


def test_visitor_is_sent_to_log_in_for_a_certificate(client):
    response = client.get("/fi/events/certificates/1.pdf")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_calendar_feed_drops_a_networks_events_once_the_member_has_left_it(member_client, user):
    from networks.models import Membership
    from tests.networks.factories import MembershipFactory

    membership = MembershipFactory(user=user)
    event = EventFactory(network=membership.network, audience=Event.Audience.NETWORK_MEMBERS)
    EnrollmentFactory(event=event, user=user)
    member_client.post("/fi/events/feed/new/")
    feed_url = user.calendar_feed.get_absolute_url()
    assert event.online_url in member_client.get(feed_url).content.decode()
    Membership.objects.filter(pk=membership.pk).update(status=Membership.Status.LEFT)
    assert event.online_url not in member_client.get(feed_url).content.decode()
