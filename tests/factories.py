import factory
from allauth.account.models import EmailAddress

from accounts.models import User

DEFAULT_PASSWORD = "correct-horse-battery-staple"


def numbered_in_each_language(fi: str, sv: str, en: str) -> tuple[factory.Sequence, ...]:
    """The Finnish, Swedish and English values of a translated field, numbered per row: "Tapahtuma 3", "Event 3"."""
    return tuple(factory.Sequence(lambda n, word=word: f"{word} {n}") for word in (fi, sv, en))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name", locale="fi_FI")
    last_name = factory.Faker("last_name", locale="fi_FI")
    organisation = "Example wellbeing services county"
    job_title = "Public health nurse"
    profession = User.Profession.NURSE
    region = User.Region.VANTAA_KERAVA
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)
