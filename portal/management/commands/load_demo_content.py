from django.core.management.base import BaseCommand
from django.db import transaction

from portal.demo import load_all


class Command(BaseCommand):
    help = "Load the Dutch demo content (idempotent: a second run changes nothing)."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = load_all(lambda line: self.stdout.write(line))
        if created:
            self.stdout.write(self.style.SUCCESS(f"Demo content loaded: {created} pages created."))
        else:
            self.stdout.write("Demo content already present; nothing changed.")
