"""The search engines, as settings.SEARCH_ENGINES names them (like Wagtail's WAGTAILSEARCH_BACKENDS).

The first is the embedded engine in the portal's own database: always configured, always written, the
fallback whenever another engine cannot answer. Each further engine builds itself from the settings
(`SearchEngine.from_settings`) and is left out while it is not configured (Elasticsearch without
ELASTICSEARCH_URL); it is served behind a circuit breaker (search.engines.breaker), and the last configured
one answers searches.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import EngineUnavailable, EngineUnreachable, Hit, SearchEngine, SearchRequest, SearchResponse, Suggestion
from .breaker import CircuitBreaker

__all__ = [
    "CircuitBreaker",
    "EngineUnavailable",
    "EngineUnreachable",
    "Hit",
    "SearchEngine",
    "SearchRequest",
    "SearchResponse",
    "Suggestion",
    "configured_engines",
    "database_engine",
    "primary_engine",
    "remote_engines",
    "writable_engines",
]


def configured_engines():
    """Every configured engine, in the order of settings.SEARCH_ENGINES: the embedded one, then each remote
    one behind its circuit breaker."""
    embedded, *remote = (import_string(path).from_settings(settings) for path in settings.SEARCH_ENGINES)
    return [embedded, *(CircuitBreaker(engine) for engine in remote if engine is not None)]


def database_engine():
    """The embedded engine (the first named): the fallback."""
    return import_string(settings.SEARCH_ENGINES[0]).from_settings(settings)


def remote_engines():
    """The configured engines besides the embedded one: those that can be unreachable."""
    return configured_engines()[1:]


def primary_engine():
    """The engine that answers searches: the last configured one."""
    return configured_engines()[-1]


def writable_engines():
    """Every engine that must follow publishing; the embedded one first (it is always kept: the fallback)."""
    return configured_engines()
