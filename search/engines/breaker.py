"""A circuit breaker around any remote engine (search.engines wraps each engine after the embedded one).

When a request to the engine fails to reach it (EngineUnreachable: refused, timed out), every process of the
portal skips the engine for SEARCH_BREAKER_SECONDS, so a hung node costs one timeout, not one per request;
the embedded engine answers meanwhile and publishing queues its updates. The state is in the shared cache,
so it holds across workers and hosts. What operators do (rebuild, probe, count) tries the engine whatever
the breaker says, and closes it when the engine answers. The engine itself knows nothing of the breaker.
"""

import logging

from django.conf import settings
from django.core.cache import cache

from .base import EngineUnavailable, EngineUnreachable, SearchEngine

logger = logging.getLogger(__name__)


class CircuitBreaker(SearchEngine):
    """`engine` behind a breaker; everything the interface does not name (an engine's own tools) passes through."""

    def __init__(self, engine):
        self.engine = engine
        self.key = f"search:{engine.name}:circuit-open"

    def __getattr__(self, name):
        return getattr(self.engine, name)

    def __repr__(self):
        return f"CircuitBreaker({self.engine!r})"

    # The breaker's state

    def circuit_is_open(self):
        """Whether a request to the engine failed to reach it in the last SEARCH_BREAKER_SECONDS."""
        return cache.get(self.key) is not None

    def open_circuit(self, reason):
        """Skip the engine for a while. When the time is up, the next request tries it again (and opens the
        breaker again if it still fails)."""
        logger.warning("%s unreachable, skipping it for %s s: %s", self.name, settings.SEARCH_BREAKER_SECONDS, reason)
        cache.set(self.key, str(reason)[:200], timeout=settings.SEARCH_BREAKER_SECONDS)

    def close_circuit(self):
        cache.delete(self.key)

    def _guarded(self, call, *args):
        """A visitor's or an editor's request: not tried while the breaker is open; opens it when it fails."""
        if self.circuit_is_open():
            raise EngineUnavailable("circuit open: the engine failed recently; the database engine answers")
        try:
            return call(*args)
        except EngineUnreachable as error:
            self.open_circuit(error)
            raise

    def _tried(self, call, *args):
        """An operator's request: tried whatever the breaker says; closes it when the engine answers."""
        try:
            result = call(*args)
        except EngineUnreachable as error:
            self.open_circuit(error)
            raise
        self.close_circuit()
        return result

    # The interface

    def index(self, documents):
        return self._guarded(self.engine.index, documents)

    def remove(self, page_ids):
        return self._guarded(self.engine.remove, page_ids)

    def search(self, request):
        return self._guarded(self.engine.search, request)

    def nearest(self, request, vector, limit):
        return self._guarded(self.engine.nearest, request, vector, limit)

    def search_and_nearest(self, request, nearest_request, vector, limit):
        return self._guarded(self.engine.search_and_nearest, request, nearest_request, vector, limit)

    def suggest(self, prefix, limit, language):
        return self._guarded(self.engine.suggest, prefix, limit, language)

    def corrections(self, words):
        return self._guarded(self.engine.corrections, words)

    def health(self):
        # No probe while open: that would cost a timeout per health check of a hung node.
        return self._guarded(self.engine.health)

    def rebuild(self, documents, before_switch=None):
        return self._tried(self.engine.rebuild, documents, before_switch)

    def document_count(self):
        return self._tried(self.engine.document_count)

    def probe(self):
        return self._tried(self.engine.probe)

    def close(self):
        self.engine.close()

    @property
    def max_result_window(self):
        return self.engine.max_result_window
