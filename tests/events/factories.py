import datetime as dt

import factory
from django.utils import timezone

from events.models import Enrollment, Event, EventSession
from events.services.seats import recount_seats
from tests.factories import UserFactory, numbered_in_each_language
from tests.helpers import in_days


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_fi, title_sv, title_en = numbered_in_each_language("Tapahtuma", "Evenemang", "Event")
    kind = Event.Kind.MORNING_MEETING
    status = Event.Status.PUBLISHED
    format = Event.Format.ONLINE
    start = factory.LazyFunction(lambda: in_days(14))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(minutes=40))
    online_url = "https://meet.example.org/hyte-morning"


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Enrollment.Status.CONFIRMED
    mode = factory.LazyAttribute(lambda enrollment: enrollment.event.seat_mode(""))
    waiting_since = factory.LazyAttribute(
        lambda enrollment: timezone.now() if enrollment.status == Enrollment.Status.WAITLISTED else None
    )

    @factory.post_generation
    def seat_counters(enrollment, create, extracted, **kwargs):
        """Keep the event row's seat counters true, as the services do (tests write enrolments directly)."""
        if create:
            recount_seats(enrollment.event)


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    title_fi, title_sv, title_en = numbered_in_each_language("Jakso", "Del", "Session")
    start = factory.LazyAttribute(lambda session: session.event.start)
    end = factory.LazyAttribute(lambda session: session.start + dt.timedelta(hours=6))
