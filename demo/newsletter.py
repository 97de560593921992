"""Demo newsletter (data/newsletter.toml): demo accounts as subscribers and a draft issue, found by subject."""

from django.utils import timezone

from accounts.models import User
from newsletter.models import NewsletterIssue, Subscriber

from .loading import read_data, report, translated


def seed(stdout) -> None:
    """Subscribe the demo accounts named in the data and create the missing issues."""
    data = read_data("newsletter")
    for user in User.objects.filter(email__in=data["subscribers"]):
        Subscriber.objects.get_or_create(
            email=user.email,
            defaults={
                "user": user,
                "language": user.preferred_language,
                "status": Subscriber.Status.ACTIVE,
                "consented_at": timezone.now(),
            },
        )
    created = 0
    for spec in data["issues"]:
        _, was_created = NewsletterIssue.objects.get_or_create(
            subject_fi=spec["subject"]["fi"],
            defaults={
                **translated("subject", spec["subject"]),
                **translated("body", spec["body"]),
                "created_by": User.objects.filter(email=spec["created_by"]).first(),
            },
        )
        created += was_created
    report(stdout, "newsletter issues", created=created, total=len(data["issues"]))
