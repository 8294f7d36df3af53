import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and the media files into a new directory (default var/backups/<time>)."

    def add_arguments(self, parser):
        parser.add_argument("directory", nargs="?", help="where to write the backup (created; must be empty)")

    def handle(self, *args, directory=None, **options):
        if directory is None:
            stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
            directory = settings.VAR_DIR / "backups" / stamp
        try:
            manifest = backup(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {directory} ({manifest['database']}, {manifest['media_files']} media files)."
        )
