"""Fixtures that run a test against each search engine: the database engine always, Elasticsearch when
ELASTICSEARCH_URL is set. Set but unreachable is a failure, never a skip (CI starts a real node)."""

import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

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


# A node of a test's own (scripts/elasticsearch-test-node on a free port and folder), for tests that stop and
# start it. .ci/run sets ES_NODE_SCRIPT_CHECK=required: there a machine that cannot run it fails the test.
ES_NODE_SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "elasticsearch-test-node"


def can_start_a_node():
    tools = all(shutil.which(tool) for tool in ("mvn", "java", "unzip", "curl", "runuser"))
    return tools and os.geteuid() == 0


needs_node_tools = pytest.mark.skipif(
    os.environ.get("ES_NODE_SCRIPT_CHECK") != "required" and not can_start_a_node(),
    reason="starting a test node needs root, Maven, Java, unzip and curl (CI has them)",
)


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
