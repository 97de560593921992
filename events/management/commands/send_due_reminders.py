"""Send the event reminders that are due now (what Celery beat does every 5 minutes, for the embedded default)."""

from django.core.management.base import BaseCommand

from events.reminders import send_due_reminders


class Command(BaseCommand):
    help = "Send the event reminders that are due now. Safe to run often: each reminder goes out once."

    def handle(self, *args, **options):
        sent = send_due_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
