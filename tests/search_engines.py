"""Fixtures that run a test against each search engine: the database engine always, Elasticsearch when
ELASTICSEARCH_URL is set. Set but unreachable is a failure, never a skip (CI starts a real node)."""

import os
import uuid

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
