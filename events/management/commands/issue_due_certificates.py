"""Issue the certificates of courses that have ended (what Celery beat does every 15 minutes, for the embedded
default)."""

from django.core.management.base import BaseCommand

from events.services import issue_due_certificates


class Command(BaseCommand):
    help = "Issue the certificates of courses whose last session has ended. Safe to run often: each is issued once."

    def handle(self, *args, **options):
        issued = issue_due_certificates()
        self.stdout.write(f"{issued} certificate(s) issued.")
