"""Start the newsletter issues that are due and resume sends nobody is sending (what Celery beat does every
NEWSLETTER_CHECK_SECONDS), for the embedded default, where it runs from cron every minute."""

from django.core.management.base import BaseCommand

from newsletter import services


class Command(BaseCommand):
    help = (
        "Start the scheduled newsletter issues whose time has come and resume any send whose worker died. "
        "Safe to run often: without Redis the sending runs here, and each subscriber gets an issue once."
    )

    def handle(self, *args, **options):
        started = services.start_due_issues()
        resumed = services.resume_stalled_sends()
        self.stdout.write(f"{len(started)} issue(s) started, {len(resumed)} stalled send(s) resumed.")
