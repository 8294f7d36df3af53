"""A fixed-window rate limit on Django's cache, keyed by client address and purpose."""

import hashlib
import time

from django.core.cache import caches
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

CACHE_ALIAS = "default"


def client_key(request):
    # REMOTE_ADDR only: X-Forwarded-For is the client's own word unless a trusted proxy sets it.
    return hashlib.sha256(request.META.get("REMOTE_ADDR", "").encode()).hexdigest()[:16]


def is_limited(request, purpose, limit, window_seconds):
    """Count this request; True when the client has made more than ``limit`` in the current window."""
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{purpose}:{client_key(request)}:{window}"
    cache = caches[CACHE_ALIAS]
    cache.add(key, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds + 5)
        count = 1
    return count > limit


def too_many_requests(request, window_seconds):
    response = TemplateResponse(
        request, "429.html",
        {"retry_minutes": max(1, window_seconds // 60), "message": _("U heeft dit te vaak geprobeerd.")},
        status=429,
    )
    response["Retry-After"] = str(window_seconds)
    # Rendered here: middleware may return it too, and only view responses are rendered for us.
    return response.render()
