import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from search import embeddings, engines
from search.engines import EngineUnavailable
from search.indexing import all_searchable_documents, rebuild_engines
from search.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Rebuild the search index from every live, public page. Each document is built once and written to "
        "every engine at the same time; Elasticsearch fills a new index and then moves the alias to it, so "
        "searches keep being answered during the rebuild, and a failed rebuild leaves the old index serving."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Only rebuild an engine whose index is missing or empty (for container start-up).",
        )

    def handle(self, *args, **options):
        chosen = []
        for engine in engines.writable_engines():
            try:
                if options["if_empty"] and engine.document_count() > 0:
                    self.stdout.write(f"{engine.name}: index has documents; not rebuilt")
                    continue
            except EngineUnavailable as error:
                raise CommandError(f"Search engine {engine.name} is not reachable: {error}") from error
            chosen.append(engine)
        if not chosen:
            return
        started, rebuild_started = time.monotonic(), timezone.now()
        documents = Counted(all_searchable_documents())
        # Counting the queries costs nothing worth measuring and tells an operator whether they grow per page.
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            try:
                failed = rebuild_engines(chosen, documents)
            except EngineUnavailable as error:
                raise CommandError(f"Search engine {chosen[0].name} is not reachable: {error}") from error
        seconds = time.monotonic() - started
        per_page = queries.count / documents.count if documents.count else 0
        names = ", ".join(engine.name for engine in chosen if engine.name not in failed)
        self.stdout.write(
            f"{names}: {documents.count} documents indexed in {seconds:.1f} s "
            f"({documents.count / seconds if seconds else 0:.0f} pages/s, {per_page:.2f} queries per page)"
        )
        if failed:
            problems = "; ".join(
                f"search engine {name} is {'not reachable' if isinstance(error, EngineUnavailable) else 'failing'}: "
                f"{error}; its old index keeps serving"
                for name, error in failed.items()
            )
            raise CommandError(problems[0].upper() + problems[1:])
        # Everything is indexed afresh: nothing is pending any more, and no page has the text of an embedding
        # this rebuild did not use.
        PendingIndexUpdate.objects.all().delete()
        if embeddings.enabled():
            embeddings.forget_unused(rebuild_started)


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class Counted:
    """An iterable that counts what passes through (the engines take any iterable)."""

    def __init__(self, iterable):
        self.iterable, self.count = iterable, 0

    def __iter__(self):
        for item in self.iterable:
            self.count += 1
            yield item
