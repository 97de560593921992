import datetime as dt

import factory
from django.utils import timezone

from events.models import Enrollment, Event, EventSession
from tests.factories import UserFactory


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_fi = factory.Sequence(lambda n: f"Tapahtuma {n}")
    title_sv = factory.Sequence(lambda n: f"Evenemang {n}")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    kind = Event.Kind.MORNING_MEETING
    status = Event.Status.PUBLISHED
    format = Event.Format.ONLINE
    start = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=14))
    end = factory.LazyAttribute(lambda event: event.start + dt.timedelta(minutes=40))
    online_url = "https://meet.example.org/hyte-morning"


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    event = factory.SubFactory(EventFactory)
    user = factory.SubFactory(UserFactory)
    status = Enrollment.Status.CONFIRMED


class EventSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    title_fi = factory.Sequence(lambda n: f"Jakso {n}")
    title_sv = factory.Sequence(lambda n: f"Del {n}")
    title_en = factory.Sequence(lambda n: f"Session {n}")
    start = factory.LazyAttribute(lambda session: session.event.start)
    end = factory.LazyAttribute(lambda session: session.start + dt.timedelta(hours=6))
