from django.conf import settings


def check_search_engine():
    """State of the portal's search engine for /healthz."""
    url = settings.ELASTICSEARCH_URL
    if not url:
        return {"status": "ok", "engine": "database"}
    from elasticsearch import Elasticsearch
    from elasticsearch.exceptions import ApiError, TransportError

    client = Elasticsearch(url, request_timeout=2, max_retries=0)
    try:
        # The test node has no "GET /", so ask the cluster health instead.
        health = client.cluster.health()
    except (ApiError, TransportError) as error:
        return {"status": "down", "engine": "elasticsearch", "error": error.__class__.__name__}
    finally:
        client.close()
    status = "down" if health["status"] == "red" else "ok"
    return {"status": status, "engine": "elasticsearch", "cluster": health["status"]}
