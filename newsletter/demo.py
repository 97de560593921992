"""Demo data of the newsletter: the demo member as a subscriber and a draft issue in three languages."""

from django.utils import timezone

from accounts.models import User

from .models import NewsletterIssue, Subscriber

DRAFT_SUBJECT_FI = "Hyvän kierteen uutiskirje: syksyn tapahtumat"


def seed(stdout):
    member = User.objects.filter(email="member@example.org").first()
    if member is not None:
        Subscriber.objects.get_or_create(
            email=member.email,
            defaults={
                "user": member,
                "language": member.preferred_language,
                "status": Subscriber.Status.ACTIVE,
                "consented_at": timezone.now(),
            },
        )
    staff = User.objects.filter(email="staff@example.org").first()
    NewsletterIssue.objects.get_or_create(
        subject_fi=DRAFT_SUBJECT_FI,
        defaults={
            "subject_sv": "Den goda spiralens nyhetsbrev: höstens evenemang",
            "subject_en": "Good Spiral newsletter: events this autumn",
            "body_fi": (
                "Hei!\n\nSyksyn **aamukahvit** jatkuvat kuun viimeisenä tiistaina klo 8.15–8.55 verkossa. "
                "Teemaverkostot kokoontuvat Hyvä kierre -päivään marraskuussa.\n\n"
                "- Ilmoittaudu tapahtumiin portaalissa\n- Uudet materiaalit löydät materiaalipankista\n"
            ),
            "body_sv": (
                "Hej!\n\nHöstens **morgonkaffe** fortsätter den sista tisdagen i månaden kl. 8.15–8.55 på nätet. "
                "Temanätverken samlas till den goda spiralens dag i november.\n\n"
                "- Anmäl dig till evenemangen i portalen\n- Nytt material hittar du i materialbanken\n"
            ),
            "body_en": (
                "Hello!\n\nThe **morning meetings** go on this autumn on the last Tuesday of the month, "
                "8.15–8.55, online. The theme networks meet at the Good Spiral day in November.\n\n"
                "- Enrol in the events on the portal\n- Find new materials in the material bank\n"
            ),
            "created_by": staff,
        },
    )
