import time

from django.core.management.base import BaseCommand, CommandError

from search import engines
from search.engines import EngineUnavailable
from search.indexing import all_searchable_documents
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live, public page. Elasticsearch fills a new index and then "
        "moves the alias to it, so searches keep being answered during the rebuild."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only rebuild an engine whose index is missing or empty (for container start-up).",
        )

    def handle(self, *args, **options):
        for engine in engines.writable_engines():
            try:
                if options["if_empty"] and engine.document_count() > 0:
                    self.stdout.write(f"{engine.name}: index has documents; not rebuilt")
                    continue
                started = time.monotonic()
                documents = Counted(all_searchable_documents())
                engine.rebuild(documents)
            except EngineUnavailable as error:
                raise CommandError(f"Search engine {engine.name} is not reachable: {error}") from error
            self.stdout.write(
                f"{engine.name}: {documents.count} documents indexed in {time.monotonic() - started:.1f} s"
            )
        # Everything is indexed afresh: nothing is pending any more.
        PendingIndexUpdate.objects.all().delete()


class Counted:
    """An iterable that counts what passes through (the engines take any iterable)."""

    def __init__(self, iterable):
        self.iterable, self.count = iterable, 0

    def __iter__(self):
        for item in self.iterable:
            self.count += 1
            yield item
