import factory
from django.utils import timezone

from newsletter.models import NewsletterIssue, Subscriber


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "fi"
    status = Subscriber.Status.ACTIVE
    consented_at = factory.LazyFunction(timezone.now)


class NewsletterIssueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NewsletterIssue

    subject_fi = "Hyvän kierteen uutiskirje"
    subject_sv = "Den goda spiralens nyhetsbrev"
    subject_en = "Good Spiral newsletter"
    body_fi = "Hei! Tässä uutiset."
    body_sv = "Hej! Här är nyheterna."
    body_en = "Hello! Here is the news."
