"""Keep every engine in step with publishing.

Publish, unpublish, move, privacy changes and deletion all come down to one rule: look at the page as it is
stored now (`.specific`; drafts live only in revisions) and index it when anyone may see it, else remove it.
The database engine writes inside the editor's transaction; Elasticsearch after the commit, so a rolled
back publication never reaches it. An engine that is down does not stop editors: the page is queued.
"""

import logging
import queue
import threading

from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page

from portal import caching
from portal.background import retried_task

from . import embeddings, engines
from .documents import is_searchable, page_to_document, pages_for_documents
from .engines import EngineUnavailable
from .extraction import document_text
from .models import PendingIndexUpdate, SearchDocument

logger = logging.getLogger(__name__)

MAX_PENDING_PER_FLUSH = 200


def documents_and_removals(page_ids, known_public=False):
    """Split pages into documents to index (live and public) and ids to remove (everything else)."""
    documents, removals = [], []
    pages = pages_for_documents(page_ids)
    for page_id in page_ids:
        page = pages.get(page_id)
        if page is not None and is_searchable(page, known_public=known_public):
            documents.append(page_to_document(page, document_text=attached_document_text))
        else:
            removals.append(page_id)
    # Embedded once here, for every engine (the model's work is most of a rebuild's).
    return embeddings.add_embeddings(documents), removals


def attached_document_text(document):
    """The text of a document a page attaches; one not read yet is read by a task, which then indexes the
    pages that attach it again (the immediate backend of development and tests has read it at once)."""
    text = document_text(document)
    if text is None:
        extract_document_text.enqueue(document.pk)
        text = document_text(document)
    return text or ""


@retried_task()
def extract_document_text(document_id):
    """Read the text of an uploaded or replaced PDF, keep it, and index the pages that attach the document
    again. A storage that is away for a moment is tried again (portal.background)."""
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is not None:
        document_text(document, extract=True)
        update_pages(pages_with_documents([document_id]))


def update_pages(page_ids):
    """Bring these pages up to date in every engine."""
    page_ids = list(dict.fromkeys(page_ids))
    if not page_ids:
        return
    documents, removals = documents_and_removals(page_ids)
    database, *others = engines.writable_engines()
    database.index(documents)
    database.remove(removals)
    for engine in others:
        after_commit(lambda engine=engine: _write_or_queue(engine, documents, removals, page_ids))


def remove_pages(page_ids):
    page_ids = list(page_ids)
    database, *others = engines.writable_engines()
    database.remove(page_ids)
    for engine in others:
        after_commit(lambda engine=engine: _write_or_queue(engine, [], page_ids, page_ids))


def after_commit(callback):
    """Run when the editor's transaction commits (never for a rolled-back change)."""
    transaction.on_commit(callback)


def _write_or_queue(engine, documents, removals, page_ids):
    try:
        engine.index(documents)
        engine.remove(removals)
    except EngineUnavailable as error:
        logger.error(
            "Search engine %s unavailable; %d page(s) queued for indexing: %s", engine.name, len(page_ids), error
        )
        PendingIndexUpdate.objects.bulk_create(
            [PendingIndexUpdate(page_id=page_id) for page_id in page_ids], ignore_conflicts=True
        )
        return
    # Searches answered between the commit and this write came from the index before it: renew them.
    caching.invalidate(caching.SEARCH)
    flush_pending(engine)


def flush_pending(engine, limit=MAX_PENDING_PER_FLUSH):
    """Index queued pages once the engine answers again (also run by `rebuild_search_index`)."""
    pending = list(PendingIndexUpdate.objects.values_list("page_id", flat=True)[:limit])
    if not pending:
        return 0
    documents, removals = documents_and_removals(pending)
    engine.index(documents)
    engine.remove(removals)
    caching.invalidate(caching.SEARCH)
    PendingIndexUpdate.objects.filter(page_id__in=pending).delete()
    return len(pending)


def process_queue():
    """Apply every update queued while an engine was unavailable, now that it answers (the scheduler runs
    this every minute through `process_search_queue`). The node is asked even while the circuit is open:
    this is the probe that closes it. Returns the number of pages applied; EngineUnavailable when the
    node still does not answer."""
    applied = 0
    for engine in engines.writable_engines()[1:]:
        engine.probe()  # closes its circuit when it answers
        while done := flush_pending(engine):
            applied += done
    return applied


def subtree_ids(page):
    return list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True))


def moved_descendant_ids(page):
    """Indexed descendants whose stored address no longer starts with the page's own (a slug changed)."""
    url = page.get_url_parts()
    if url is None:
        return subtree_ids(page)
    return list(
        SearchDocument.objects.filter(page__path__startswith=page.path)
        .exclude(url__startswith=url[2])
        .values_list("pk", flat=True)
    )


class RebuildAborted(Exception):
    """The document stream stopped (the first engine failed): an engine still filling keeps its old index."""


_DONE, _ABORT = object(), object()


class _Follower(threading.Thread):
    """An engine rebuilt in its own thread from documents handed over by the thread that builds them. The
    queue is bounded, so a slow engine holds back the builder instead of filling the memory."""

    def __init__(self, engine, queue_size):
        super().__init__(name=f"rebuild-{engine.name}", daemon=True)
        self.engine, self.queue, self.error = engine, queue.Queue(maxsize=queue_size), None

    def run(self):
        try:
            self.engine.rebuild(self._documents())
        except BaseException as error:  # reported by rebuild_engines, after the other engines are done
            self.error = error

    def _documents(self):
        while (item := self.queue.get()) is not _DONE:
            if item is _ABORT:
                raise RebuildAborted
            yield item

    def offer(self, item):
        while self.error is None and self.is_alive():
            try:
                self.queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue


def rebuild_engines(engines_to_rebuild, documents, queue_size=2000):
    """Rebuild every engine from one pass over `documents`: each document is built once and written to all.

    The first engine (the database engine, in its transaction) reads in this thread; each other engine
    (Elasticsearch) fills its new index in a thread of its own at the same time. Each switches to its new
    index only when it has all documents; one that fails keeps its old index and leaves no new one behind.
    Returns {engine name: error} for the engines that failed after the first one succeeded; the first
    one's error is raised after the others have given up.
    """
    first, *others = engines_to_rebuild
    followers = [_Follower(engine, queue_size) for engine in others]
    for follower in followers:
        follower.start()

    def handed_over():
        for document in documents:
            for follower in followers:
                follower.offer(document)
            yield document

    try:
        first.rebuild(handed_over())
    except BaseException:
        for follower in followers:
            follower.offer(_ABORT)
            follower.join()
        raise
    for follower in followers:
        follower.offer(_DONE)
        follower.join()
    return {follower.engine.name: follower.error for follower in followers if follower.error is not None}


def all_searchable_documents(batch_size=500):
    """Documents for every live, public page, in batches (for rebuilding)."""
    ids = list(Page.objects.live().public().filter(depth__gt=2).order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), batch_size):
        documents, _removals = documents_and_removals(ids[start : start + batch_size], known_public=True)
        yield from documents


# Signal receivers (connected in SearchConfig.ready)


def on_page_published(sender, instance, **kwargs):
    update_pages([instance.pk, *moved_descendant_ids(instance)])


def on_page_unpublished(sender, instance, **kwargs):
    # Also sent by Wagtail just before a live page is deleted, when the row still says live: remove, do not look.
    remove_pages([instance.pk])


def on_page_moved(sender, instance, **kwargs):
    update_pages(subtree_ids(instance))


def on_view_restriction_changed(sender, instance, origin=None, **kwargs):
    if isinstance(origin, Page) or getattr(origin, "model", None) is not None and issubclass(origin.model, Page):
        # The restriction goes because its page is deleted: on_page_deleted took the page out already, and
        # indexing it now (public for a moment, still in the table) would leave a row pointing at nothing.
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        update_pages(subtree_ids(page))


def pages_with_documents(documents):
    """Ids of pages that attach any of these Wagtail documents (materials, attachments, ...)."""
    from django.apps import apps

    page_ids = set()
    for model in apps.get_models():
        fields = {field.name: field for field in model._meta.get_fields()}
        document, page = fields.get("document"), fields.get("page")
        if document is None or page is None or not document.is_relation or not page.is_relation:
            continue
        if document.related_model is not get_document_model():
            continue
        page_ids.update(model.objects.filter(document__in=documents).values_list("page_id", flat=True))
    return sorted(page_ids)


def on_document_changed(sender, instance, **kwargs):
    # A replaced file changes what the pages attaching it contain: read it in the background, then index them.
    extract_document_text.enqueue(instance.pk)


def on_collection_restriction_changed(sender, instance, **kwargs):
    # A collection made private must take its documents' text out of the index at once (and back when public).
    from wagtail.documents.models import Document

    collection = instance.collection
    documents = Document.objects.filter(collection__path__startswith=collection.path)
    update_pages(pages_with_documents(documents))


def on_alias_created(sender, instance, created, **kwargs):
    # Wagtail creates aliases live without publishing them (no page_published): index them at once.
    if created and isinstance(instance, Page) and instance.alias_of_id and instance.live:
        update_pages([instance.pk])


def on_translation_copied(sender, source_obj, target_obj, **kwargs):
    # A translation may be created live (a synchronised alias) and with new parents: index what is live.
    if isinstance(target_obj, Page):
        update_pages([*target_obj.get_ancestors().filter(depth__gt=2).values_list("pk", flat=True), target_obj.pk])


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        remove_pages([instance.pk])
