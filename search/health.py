from django.conf import settings
from django.db import DatabaseError

from . import engines
from .engines import EngineUnavailable
from .models import PendingIndexUpdate


def check_search_engine():
    """State of the portal's search engine for /healthz.

    Degraded (not down: the database engine answers) while Elasticsearch is unreachable, while its circuit
    is open, and while updates queued during an outage wait for `process_search_queue`.
    """
    if not settings.ELASTICSEARCH_URL:
        return {"status": "ok", "engine": "database"}
    try:
        pending = PendingIndexUpdate.objects.count()  # pages waiting for the node to come back
    except DatabaseError:
        pending = None  # the database check reports that
    engine = engines.elasticsearch_engine()
    try:
        # The test node has no "GET /", so ask the cluster health instead.
        health = engine.health()
    except EngineUnavailable as error:
        return {
            "status": "down",
            "engine": "elasticsearch",
            "fallback": "database",
            "error": (error.__cause__ or error).__class__.__name__,
            "pending_updates": pending,
        }
    finally:
        engine.client.close()
    if health["status"] == "red":
        status = "down"
    elif pending:
        status = "degraded"  # the node answers again; the backlog is applied within a minute
    else:
        status = "ok"
    return {"status": status, "engine": "elasticsearch", "cluster": health["status"], "pending_updates": pending}
