"""Demo accounts for `manage.py seed_demo`: a staff user and a member, with verified e-mail."""

from allauth.account.models import EmailAddress

from .models import User

DEMO_LOGINS = [
    # (e-mail, password, staff?, first name, last name, organisation, job title, profession, region)
    (
        "staff@example.org",
        "hyte-staff-demo",
        True,
        "Sanna",
        "Staff",
        "HUS Perusterveydenhuollon yksikkö",
        "HYTE-koordinaattori",
        User.Profession.HEALTH_PROMOTION,
        User.Region.HUS,
    ),
    (
        "member@example.org",
        "hyte-member-demo",
        False,
        "Mikko",
        "Member",
        "Vantaan ja Keravan hyvinvointialue",
        "Terveydenhoitaja",
        User.Profession.NURSE,
        User.Region.VANTAA_KERAVA,
    ),
]


def ensure_user(email, password, *, is_staff=False, **profile):
    """Create the user once with a verified primary address; later runs leave it as it is."""
    user, created = User.objects.get_or_create(email=email, defaults={"is_staff": is_staff, **profile})
    if created:
        user.is_superuser = is_staff
        user.set_password(password)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def seed(stdout):
    for email, password, is_staff, first, last, organisation, title, profession, region in DEMO_LOGINS:
        ensure_user(
            email,
            password,
            is_staff=is_staff,
            first_name=first,
            last_name=last,
            organisation=organisation,
            job_title=title,
            profession=profession,
            region=region,
        )


def describe_logins():
    return [(email, password, "staff" if is_staff else "member") for email, password, is_staff, *_ in DEMO_LOGINS]
