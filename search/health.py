from django.conf import settings
from django.db import DatabaseError

from . import engines
from .engines import EngineUnavailable
from .models import PendingIndexUpdate


def check_search_engine():
    """State of the portal's search engine for /healthz: degraded (not down) when the fallback answers."""
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
        return {"status": "down", "engine": "elasticsearch", "fallback": "database", "error": (error.__cause__ or error).__class__.__name__,
                "pending_updates": pending}
    finally:
        engine.client.close()
    status = "down" if health["status"] == "red" else "ok"
    return {"status": status, "engine": "elasticsearch", "cluster": health["status"], "pending_updates": pending}
