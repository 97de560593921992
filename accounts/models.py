"""The portal's user: logs in with an e-mail address and keeps a profile that networks and events use."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    """Users log in with their e-mail address; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: their login, their profile and the language their e-mails are written in."""

    class Profession(models.TextChoices):
        PHYSICIAN = "physician", _("Physician")
        NURSE = "nurse", _("Nurse or public health nurse")
        ORAL_HEALTH = "oral_health", _("Dentist or oral health professional")
        THERAPIST = "therapist", _("Physiotherapist or rehabilitation professional")
        SOCIAL_WORK = "social_work", _("Social worker or counsellor")
        PSYCHOLOGIST = "psychologist", _("Psychologist")
        NUTRITION = "nutrition", _("Nutritionist")
        HEALTH_PROMOTION = "health_promotion", _("Health and wellbeing promotion planner or coordinator")
        MANAGER = "manager", _("Manager or director")
        RESEARCHER = "researcher", _("Researcher or teacher")
        STUDENT = "student", _("Student")
        ELECTED_OFFICIAL = "elected_official", _("Elected official")
        OTHER = "other", _("Other")

    class Region(models.TextChoices):
        EAST_UUSIMAA = "east_uusimaa", _("Eastern Uusimaa wellbeing services county")
        CENTRAL_UUSIMAA = "central_uusimaa", _("Central Uusimaa wellbeing services county")
        WEST_UUSIMAA = "west_uusimaa", _("Western Uusimaa wellbeing services county")
        VANTAA_KERAVA = "vantaa_kerava", _("Vantaa and Kerava wellbeing services county")
        HELSINKI = "helsinki", _("City of Helsinki")
        HUS = "hus", _("HUS Helsinki University Hospital")
        OTHER = "other", _("Other")

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    profession = models.CharField(_("profession"), max_length=32, choices=Profession.choices, blank=True)
    region = models.CharField(_("region"), max_length=32, choices=Region.choices, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="fi"
    )
    listed_in_directory = models.BooleanField(
        _("show me in member directories"),
        default=False,
        help_text=_("Other members of your networks see your name, job title, organisation and region."),
    )

    # What a person fills in about themselves on their profile page (the admin and the data export show the same).
    PROFILE_FIELDS = [
        "first_name",
        "last_name",
        "organisation",
        "job_title",
        "profession",
        "region",
        "preferred_language",
        "listed_in_directory",
    ]

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique")]

    def __str__(self):
        return self.get_full_name() or self.email
