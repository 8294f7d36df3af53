from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Replace the database and the media files with a backup made by `manage.py backup`. Stop the site first."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="a directory written by `manage.py backup`")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, directory, yes=False, **options):
        if not yes and input(f"Replace this site's database and media with {directory}? [y/N] ").lower() != "y":
            raise CommandError("Nothing restored.")
        try:
            manifest = restore(directory)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the backup of {manifest['created']} from {directory}.")
