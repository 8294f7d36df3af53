from django.core.management.base import BaseCommand

from search.alerts import send_digests


class Command(BaseCommand):
    help = (
        "Send the daily and weekly digests of saved searches that are due. Idempotent: run it from cron or the "
        "scheduler as often as you like; each digest goes out once per day or week."
    )

    def handle(self, *args, **options):
        sent, checked = send_digests()
        self.stdout.write(f"Saved searches checked: {checked}; digests queued: {sent}.")
