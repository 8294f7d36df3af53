from django.core.management.base import BaseCommand

from search.engines import EngineUnavailable
from search.indexing import process_queue
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Apply the search index updates queued while Elasticsearch was unavailable (publish, edit, unpublish, "
        "privacy changes, moves, deletions). The scheduler runs this every minute; it does nothing when "
        "nothing is queued, and exits quietly when the node still does not answer."
    )

    def handle(self, *args, **options):
        if not PendingIndexUpdate.objects.exists():
            return
        try:
            applied = process_queue()
        except EngineUnavailable as error:
            pending = PendingIndexUpdate.objects.count()
            self.stdout.write(f"search engine still unavailable; {pending} page(s) queued: {error}")
            return
        self.stdout.write(f"{applied} queued page(s) applied to the search index")
