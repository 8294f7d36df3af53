"""The search engines: the database engine always, Elasticsearch as well when ELASTICSEARCH_URL is set."""

from django.conf import settings

from .base import EngineUnavailable, Hit, SearchEngine, SearchRequest, SearchResponse, Suggestion

__all__ = [
    "EngineUnavailable",
    "Hit",
    "SearchEngine",
    "SearchRequest",
    "SearchResponse",
    "Suggestion",
    "database_engine",
    "primary_engine",
    "writable_engines",
]


def database_engine():
    from .database import DatabaseEngine

    return DatabaseEngine()


def elasticsearch_engine():
    if not settings.ELASTICSEARCH_URL:
        return None
    from .elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(settings.ELASTICSEARCH_URL, settings.SEARCH_INDEX_PREFIX)


def primary_engine():
    """The engine that answers searches: Elasticsearch when configured, else the database."""
    return elasticsearch_engine() or database_engine()


def writable_engines():
    """Every engine that must follow publishing. The database index is always kept: it is the fallback."""
    engines = [database_engine()]
    elasticsearch = elasticsearch_engine()
    if elasticsearch is not None:
        engines.append(elasticsearch)
    return engines
