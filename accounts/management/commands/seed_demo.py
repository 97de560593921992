"""Load the demo data of every app. Idempotent: running it twice changes nothing."""

from importlib import import_module

from django.core.management.base import BaseCommand
from django.db import transaction

from accounts.demo import describe_logins

# Each app that has demo data keeps it in <app>/demo.py with a seed(stdout) function.
DEMO_APPS = ["accounts", "networks", "events", "materials", "newsletter"]


class Command(BaseCommand):
    help = "Load demo data (idempotent) and print the demo logins."

    def handle(self, *args, **options):
        with transaction.atomic():
            for app in DEMO_APPS:
                try:
                    module = import_module(f"{app}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app}.demo":
                        raise
                    continue
                module.seed(self.stdout)
        self.stdout.write("Demo logins (e-mail / password):")
        for email, password, role in describe_logins():
            self.stdout.write(f"  {role:7} {email} / {password}")
