"""Load the demo data (demo/data/) through each app's models and services, and print the demo logins.

Idempotent: running it twice changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import (
    accounts,
    archive,
    courses,
    events,
    leading,
    materials,
    materials_sv_en,
    networks,
    newsletter,
    newsletter_events,
    programmes,
    second_factor,
)

# In this order: networks link the accounts (and make the coordinators, who need a second factor), events the
# networks, materials both; Leading HYTE names the demo member a county editor.
LOADERS = [accounts, networks, second_factor, events, courses, materials, newsletter, leading]
# The site search's demo content (programmes, the archive, materials in Swedish and English, an issue that
# names the coming events' dates), after the events and materials it builds on.
LOADERS += [programmes, archive, materials_sv_en, newsletter_events]


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        with transaction.atomic():
            for loader in LOADERS:
                loader.seed(self.stdout)
        coordinator_password, coordinators = networks.coordinator_logins()
        self.stdout.write(f"Network coordinators (admin, password {coordinator_password}):")
        for email in coordinators:
            self.stdout.write(f"  {email}")
        self.stdout.write("Demo logins (e-mail / password):")
        for role, email, password in accounts.logins():
            self.stdout.write(f"  {role:7} {email} / {password}")
        leading.logins(self.stdout)
        self.stdout.write(
            f"Second factor for staff and coordinators (the admin asks for it): TOTP secret {second_factor.secret()}\n"
            "  Add the secret to an authenticator app, or print the current code with: "
            "python manage.py demo_totp_code"
        )
