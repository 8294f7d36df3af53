from django.db import DatabaseError

from . import engines
from .engines import EngineUnavailable
from .models import PendingIndexUpdate


def check_search_engine():
    """State of the portal's search engine for /healthz.

    Degraded (not down: the database engine answers) while a remote engine (Elasticsearch) is unreachable,
    while its circuit is open, and while updates queued during an outage wait for `process_search_queue`.
    """
    fallback = engines.database_engine().name
    remote = engines.remote_engines()
    if not remote:
        return {"status": "ok", "engine": fallback}
    engine = remote[-1]
    try:
        pending = PendingIndexUpdate.objects.count()  # pages waiting for the node to come back
    except DatabaseError:
        pending = None  # the database check reports that
    try:
        health = engine.health()
    except EngineUnavailable as error:
        return {
            "status": "down",
            "engine": engine.name,
            "fallback": fallback,
            "error": (error.__cause__ or error).__class__.__name__,
            "pending_updates": pending,
        }
    finally:
        engine.close()
    if health["status"] == "red":
        status = "down"
    elif pending:
        status = "degraded"  # the node answers again; the backlog is applied within a minute
    else:
        status = "ok"
    return {"status": status, "engine": engine.name, "cluster": health["status"], "pending_updates": pending}
