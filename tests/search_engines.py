"""Fixtures that run a test against each search engine: the database engine always, Elasticsearch when
ELASTICSEARCH_URL is set. Set but unreachable is a failure, never a skip (CI starts a real node)."""

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine

ENGINES = ["database", "elasticsearch"]


def elasticsearch_url():
    return os.environ.get("ELASTICSEARCH_URL", "").strip()


def _elasticsearch(settings, monkeypatch):
    url = elasticsearch_url()
    if not url:
        pytest.skip("ELASTICSEARCH_URL is not set; .ci/run starts a real node and sets it")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_INDEX_PREFIX = f"test_{worker}_{uuid.uuid4().hex[:8]}"
    elasticsearch = ElasticsearchEngine(url, settings.SEARCH_INDEX_PREFIX)
    elasticsearch.ensure_index()  # raises when the node is unreachable: the test fails
    # The test's transaction never commits; write to Elasticsearch at once (test_search_indexing checks the
    # real after-commit behaviour).
    monkeypatch.setattr("search.indexing.after_commit", lambda callback: callback())
    return elasticsearch


@pytest.fixture(params=ENGINES)
def engine(request, settings, db, monkeypatch):
    """The engine under test, configured as the portal's engine, with an index of its own."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = None
        yield DatabaseEngine()
        return
    elasticsearch = _elasticsearch(settings, monkeypatch)
    yield elasticsearch
    elasticsearch.delete_all()


@pytest.fixture
def elasticsearch_engine(settings, db, monkeypatch):
    """Elasticsearch only, for what only it does (the alias switch)."""
    elasticsearch = _elasticsearch(settings, monkeypatch)
    yield elasticsearch
    elasticsearch.delete_all()


# A node of a test's own (scripts/elasticsearch-test-node on a free port and folder): tests/test_ci_scripts.py.
ES_NODE_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "elasticsearch-test-node"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class OwnNode:
    """Start, stop and start again a node with its own data folder; `start()` returns the script's output."""

    def __init__(self):
        self.port = free_port()
        # Not pytest's tmp_path: the node runs as its own user, who cannot enter root's private folders.
        self.base = Path(tempfile.mkdtemp(prefix="kennisportaal-es-test-", dir="/tmp"))
        self.base.chmod(0o755)
        self.env = {**os.environ, "ES_BASE": str(self.base), "ES_PORT": str(self.port), "ES_HEAP": "256m"}
        self.url = f"http://127.0.0.1:{self.port}"

    def start(self):
        return subprocess.run([str(ES_NODE_SCRIPT), "start"], env=self.env, capture_output=True, timeout=300)

    def stop(self):
        subprocess.run([str(ES_NODE_SCRIPT), "stop"], env=self.env, capture_output=True, timeout=60)

    def remove(self):
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


class CuttableProxy:
    """A TCP proxy in front of the configured node that can cut the line and restore it: for the portal, the
    node goes away (connections refused, open ones dropped) and comes back, without restarting a JVM."""

    def __init__(self, target_url):
        target = urlsplit(target_url)
        self.target = (target.hostname, target.port)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.connections = []
        self.listener = None
        self.restore()

    def restore(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self):
        # shutdown() first: close() alone leaves a thread blocked in accept() listening on Linux.
        try:
            self.listener.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.listener.close()
        for connection in self.connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
        self.connections.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            try:
                sink.shutdown(socket.SHUT_WR)
            except OSError:
                pass
