"""Erase what is past its retention period (what Celery beat does daily, for the embedded default's cron)."""

from django.core.management.base import BaseCommand

from accounts.retention import apply_retention


class Command(BaseCommand):
    help = (
        "Erase enrolment answers of events long over, accounts never verified and newsletter sign-ups never "
        "confirmed, and write the counts to the audit trail. Safe to run often."
    )

    def handle(self, *args, **options):
        counts = apply_retention()
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
