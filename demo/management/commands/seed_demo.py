"""Load the demo data (demo/data/) through each app's models and services, and print the demo logins.

Idempotent: running it twice changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo import accounts, events, materials, networks, newsletter

# In this order: networks link the accounts, events the networks, materials both.
LOADERS = [accounts, networks, events, materials, newsletter]


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
