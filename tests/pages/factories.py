import factory

from pages.models import Feedback


class FeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feedback

    topic = Feedback.Topic.CONTENT
    message = factory.Sequence(lambda n: f"The link on page {n} is broken.")
    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    wants_reply = True
    language = "fi"
