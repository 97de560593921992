"""The events pages run a fixed number of queries however many events and enrolments there are."""

import pytest

from events import services
from materials.models import Material
from tests.events.factories import EnrollmentFactory, EventFactory, EventSessionFactory
from tests.helpers import count_queries, in_days
from tests.networks.factories import MembershipFactory, NetworkFactory

pytestmark = pytest.mark.django_db


def make_events(count, user):
    network = NetworkFactory()
    MembershipFactory(user=user, network=network)
    for day in range(count):
        event = EventFactory(network=network, capacity=5, start=in_days(day + 1), end=in_days(day + 1, 1))
        EnrollmentFactory.create_batch(3, event=event)
        event.programme.create(start=event.start, title_fi="Avaus")
        EventSessionFactory(event=event)
        services.enroll(event=event, user=user)
        past = EventFactory(network=network, start=in_days(-day - 1), end=in_days(-day - 1, 1))
        material = Material.objects.create(title_fi=f"Diat {day}", url="https://example.org/x", kind="document")
        material.events.add(past)


@pytest.mark.parametrize(
    "path", ["/fi/events/", "/fi/events/?past=1", "/fi/events/?kind=morning_meeting", "/fi/me/", "/fi/"]
)
def test_list_pages_need_the_same_queries_for_few_and_many_events(member_client, user, path):
    make_events(2, user)
    few = count_queries(member_client, path)
    make_events(12, user)
    many = count_queries(member_client, path)
    assert many == few
    assert few <= 12


def test_detail_page_needs_the_same_queries_for_few_and_many_enrolments(
    member_client, user, django_assert_max_num_queries
):
    event = EventFactory(capacity=500)
    services.enroll(event=event, user=user)
    EventSessionFactory(event=event)
    EnrollmentFactory.create_batch(2, event=event)
    few = count_queries(member_client, f"/fi/events/{event.slug}/")
    EnrollmentFactory.create_batch(60, event=event)
    EventSessionFactory.create_batch(5, event=event)
    for _ in range(10):
        event.programme.create(start=event.start, title_fi="Ohjelmaa")
    with django_assert_max_num_queries(few):
        member_client.get(f"/fi/events/{event.slug}/")
    assert few <= 12


def test_anonymous_list_and_detail_stay_small(client, django_assert_max_num_queries):
    event = EventFactory()
    with django_assert_max_num_queries(4):
        client.get("/fi/events/")
    with django_assert_max_num_queries(6):
        client.get(f"/fi/events/{event.slug}/")


def test_a_hybrid_series_date_page_with_waiting_lists_needs_the_same_queries_at_two_sizes(member_client, user):
    from events.models import Enrollment, EventSeries
    from tests.factories import UserFactory

    series = EventSeries.objects.create(
        title_fi="Aamu", rrule="FREQ=WEEKLY", starts_on=in_days(-30).date(), start_time=in_days(0).time(),
        duration_minutes=40, kind="morning_meeting", format="hybrid", venue_fi="Sali",
    )  # fmt: skip
    event = EventFactory(series=series, format="hybrid", venue_fi="Sali", capacity_onsite=1, capacity_online=1)
    services.subscribe_to_series(series=series, user=user, mode=Enrollment.Mode.ONLINE)

    def crowd(count):
        for _ in range(count):
            services.enroll(event=event, user=UserFactory(), mode=Enrollment.Mode.ONSITE)
            services.enroll(event=event, user=UserFactory(), mode=Enrollment.Mode.ONLINE)

    crowd(1)
    few = count_queries(member_client, f"/fi/events/{event.slug}/")
    crowd(15)
    assert count_queries(member_client, f"/fi/events/{event.slug}/") == few
    assert few <= 14


def test_the_release_page_needs_the_same_queries_at_two_sizes(client):
    from events.tokens import release_token

    event = EventFactory(capacity=2)
    enrollment = EnrollmentFactory(event=event)
    path = f"/fi/events/release/{release_token(enrollment.pk)}/"
    few = count_queries(client, path)
    EnrollmentFactory.create_batch(30, event=event, status="waitlisted")
    assert count_queries(client, path) == few <= 3
