from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from knowledge.municipality_import import parse_municipalities, store_municipalities

DEMO_FILE = Path(__file__).resolve().parents[2] / "data" / "municipalities-demo.csv"


class Command(BaseCommand):
    help = "Import or update municipalities from a CBS CSV export (Gebieden in Nederland)."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", nargs="?", help=f"the CSV file (default: the demo subset, {DEMO_FILE.name})")
        parser.add_argument("--dry-run", action="store_true", help="report what would change, change nothing")

    def handle(self, csv_file=None, dry_run=False, **options):
        path = Path(csv_file) if csv_file else DEMO_FILE
        try:
            result = parse_municipalities(path.read_bytes())
        except OSError as error:
            raise CommandError(f"cannot read {path}: {error.strerror}") from None
        except ValueError as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write("Columns used: " + ", ".join(f"{name} ← '{title}'" for name, title in result.columns.items()))
        with transaction.atomic():
            created, updated, unchanged = store_municipalities(result)
            if dry_run:
                transaction.set_rollback(True)
        for line_number, reason in result.skipped:
            self.stderr.write(f"skipped{f' line {line_number}' if line_number else ''}: {reason}")
        verb = "would be" if dry_run else "were"
        self.stdout.write(
            self.style.SUCCESS(
                f"{created} municipalities {verb} created, {updated} updated, {unchanged} unchanged, "
                f"{len(result.skipped)} rows skipped."
            )
        )
