"""The index heals itself: what editors do while Elasticsearch is down reaches it once it answers again, with
no further publication; a node that hangs costs one timeout, not one per request."""

import socket
import threading

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from search import service
from search.engines import remote_engines
from search.engines.elasticsearch import ElasticsearchEngine
from search.models import PendingIndexUpdate, SearchDocument
from tests.factories import CurriculumIndexPageFactory, ModulePageFactory
from tests.search_engines import CuttableProxy, elasticsearch_url
from tests.search_engines import _elasticsearch as elasticsearch_engine_settings


def search(text):
    from django.http import QueryDict

    return service.run_search(service.parse_parameters(QueryDict(f"q={text}")), record=False)


class HungNode:
    """Accepts connections and never answers: a node stuck in garbage collection, or a black-holed proxy."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.getsockname()[1]}"

    def _accept(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()


def close_breaker():
    """As when the breaker's time is up (SEARCH_BREAKER_SECONDS)."""
    for engine in remote_engines():
        engine.close_circuit()


@pytest.fixture
def hung_node(settings, monkeypatch):
    node = HungNode()
    settings.ELASTICSEARCH_URL = node.url
    settings.ELASTICSEARCH_TIMEOUT = 1
    settings.SEARCH_BREAKER_SECONDS = 30
    monkeypatch.setattr("search.indexing.after_commit", lambda callback: callback())
    yield node
    node.close()


def test_a_hung_node_costs_one_timeout_then_the_database_answers(hung_node, curriculum, publish):
    page = publish(ModulePageFactory(parent=curriculum, title="Wijkaanpak bij spanningen"))
    # Publishing tried the node once, timed out, and queued the page; the editor's publication stands.
    assert len(hung_node.connections) == 1
    assert PendingIndexUpdate.objects.filter(page_id=page.pk).exists()
    for _ in range(5):
        results = search("wijkaanpak")
        assert results.degraded and [item.url for item in results.items] == [page.url]
    publish(ModulePageFactory(parent=curriculum, title="Nog een module"))
    assert len(hung_node.connections) == 1  # searches and the second publication skipped the node
    close_breaker()  # the breaker's time is up: the next request tries the node again
    assert search("wijkaanpak").degraded
    assert len(hung_node.connections) == 2


def test_updates_during_an_outage_reach_the_index_when_the_node_is_back(
    settings, monkeypatch, home_page, client, django_capture_on_commit_callbacks
):
    # The configured node behind a line this test cuts and restores (a stopped node refuses connections
    # just the same); tests/test_ci_scripts.py starts and stops a real node of its own.
    real = elasticsearch_engine_settings(settings, monkeypatch)
    node = CuttableProxy(elasticsearch_url())
    try:
        settings.ELASTICSEARCH_URL = node.url
        settings.ELASTICSEARCH_TIMEOUT = 10  # a cut line refuses at once; this only guards a loaded machine
        engine = ElasticsearchEngine(node.url, settings.SEARCH_INDEX_PREFIX)
        engine.ensure_index()

        def publish(page):
            with django_capture_on_commit_callbacks(execute=True):
                page.save_revision().publish()
            page.refresh_from_db()
            return page

        curriculum = CurriculumIndexPageFactory(parent=home_page, title="Curriculum", slug="curriculum")
        archive = CurriculumIndexPageFactory(parent=home_page, title="Archief", slug="archief")
        edited, unpublished, restricted, deleted, moved = (
            publish(ModulePageFactory(parent=curriculum, title=f"{name} wijkaanpak"))
            for name in ("Alfa", "Bravo", "Charlie", "Delta", "Echo")
        )
        assert indexed(engine) == database_index()

        node.cut()
        with django_capture_on_commit_callbacks(execute=True):
            added = ModulePageFactory(parent=curriculum, title="Foxtrot wijkaanpak")
            added.save_revision().publish()
            edited.title = "Alfa nieuwe titel"
            edited.save_revision().publish()
            unpublished.unpublish()
            PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
            deleted.delete()
            moved.move(archive, pos="last-child")
        health = client.get("/healthz").json()
        assert health["status"] == "degraded"
        assert health["checks"]["search"]["pending_updates"] >= 6
        assert indexed(engine, refresh=False) is None  # the node is really down

        node.restore()
        close_breaker()  # as when the breaker's time is up
        # No publication: what the scheduler runs every minute applies the backlog.
        call_command("process_search_queue")
        assert indexed(engine) == database_index()
        assert {title for title, _url in indexed(engine).values()} == {
            "Alfa nieuwe titel",
            "Foxtrot wijkaanpak",
            "Echo wijkaanpak",
        }
        assert indexed(engine)[moved.pk][1].startswith("/archief/")
        assert client.get("/healthz").json()["checks"]["search"]["status"] == "ok"
    finally:
        node.cut()
        real.delete_all()


def indexed(engine, refresh=True):
    """{page id: (title, url)} of everything in the Elasticsearch index; None when the node is unreachable."""
    try:
        if refresh:
            engine.client.indices.refresh(index=engine.alias)
        response = engine.client.search(index=engine.alias, size=100, query={"match_all": {}})
    except Exception:  # noqa: BLE001 - any failure here means "not reachable" for the test
        return None
    return {int(hit["_id"]): (hit["_source"]["title"], hit["_source"]["url"]) for hit in response["hits"]["hits"]}


def database_index():
    return {
        row["page_id"]: (row["title"], row["url"]) for row in SearchDocument.objects.values("page_id", "title", "url")
    }


def test_search_by_meaning_answers_through_an_outage_and_after_it(
    settings, monkeypatch, home_page, django_capture_on_commit_callbacks
):
    from urllib.parse import urlencode

    from django.http import QueryDict
    from django.utils.translation import override as translation_override

    real = elasticsearch_engine_settings(settings, monkeypatch)
    node = CuttableProxy(elasticsearch_url())
    try:
        settings.ELASTICSEARCH_URL = node.url
        settings.ELASTICSEARCH_TIMEOUT = 10
        settings.SEARCH_REFRESH_AFTER_WRITE = True
        ElasticsearchEngine(node.url, settings.SEARCH_INDEX_PREFIX).ensure_index()
        curriculum = CurriculumIndexPageFactory(parent=home_page, title="Curriculum", slug="curriculum")
        with django_capture_on_commit_callbacks(execute=True):
            page = ModulePageFactory(
                parent=curriculum,
                title="Signalen van radicalisering herkennen",
                intro="Welke signalen wijzen erop dat een jongere radicaliseert, en wat doet u ermee?",
            )
            page.save_revision().publish()
            ModulePageFactory(parent=curriculum, title="Begroting en subsidies").save_revision().publish()
        page.refresh_from_db()

        def ask():
            # An English visitor's question: no English page has its words, the Dutch page is found by meaning.
            with translation_override("en"):
                query = QueryDict(urlencode({"q": "how do I recognise radicalisation in young people"}))
                return service.run_search(service.parse_parameters(query), record=False)

        before = ask()
        assert not before.degraded and [item.url for item in before.items][:1] == [page.url]
        node.cut()
        during = ask()
        assert during.degraded and [item.url for item in during.items][:1] == [page.url]
        assert during.items[0].language == "nl"
        node.restore()
        close_breaker()  # as when the breaker's time is up
        after = ask()
        assert not after.degraded and [item.url for item in after.items][:1] == [page.url]
    finally:
        node.cut()
        real.delete_all()
