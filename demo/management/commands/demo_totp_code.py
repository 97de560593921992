"""Print the code the demo second factor gives now (development only)."""

from django.core.management.base import BaseCommand

from demo import second_factor


class Command(BaseCommand):
    help = "Print the current TOTP code of the demo staff and coordinators' second factor."

    def handle(self, *args, **options):
        self.stdout.write(second_factor.current_code())
