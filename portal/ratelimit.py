"""A fixed-window rate limit on Django's cache, keyed by client address and purpose.

Each limit is declared once (`RateLimit`: its purpose and the setting with its requests and window);
views take it with `@rate_limited`, middleware asks `exceeded`.
"""

import dataclasses
import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from .client import client_address

CACHE_ALIAS = "default"


def client_key(request):
    # The real client behind trusted proxies (portal.client); hashed so the cache holds no addresses.
    return hashlib.sha256(client_address(request).encode()).hexdigest()[:16]


def is_limited(request, purpose, limit, window_seconds, key=None):
    """Count this request; True when the client (or ``key``) has made more than ``limit`` in the window."""
    window = int(time.time() // window_seconds)
    who = hashlib.sha256(key.encode()).hexdigest()[:16] if key is not None else client_key(request)
    key = f"ratelimit:{purpose}:{who}:{window}"
    cache = caches[CACHE_ALIAS]
    cache.add(key, 0, timeout=window_seconds + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window_seconds + 5)
        count = 1
    return count > limit


@dataclasses.dataclass(frozen=True)
class RateLimit:
    """One limit: what it counts (`purpose`, part of the key) and the setting holding (requests, seconds), or
    the pair itself."""

    purpose: str
    setting: str = ""
    requests_and_seconds: tuple = ()

    @property
    def rule(self):
        return self.requests_and_seconds or getattr(settings, self.setting)

    @property
    def window(self):
        return self.rule[1]

    def exceeded(self, request, key=None):
        """Count this request; True when the client (or `key`) has made more than allowed in the window."""
        return is_limited(request, self.purpose, *self.rule, key=key)


def rate_limited(limit, methods=("GET", "POST"), refused=None):
    """A view whose requests (of these methods) count against `limit`; beyond it the answer is
    `refused(request, window)` (the 429 page unless given: JSON for JSON callers)."""

    def decorate(view):
        @functools.wraps(view)
        def limited(request, *args, **kwargs):
            if request.method in methods and limit.exceeded(request):
                return (refused or too_many_requests)(request, limit.window)
            return view(request, *args, **kwargs)

        return limited

    return decorate


def too_many_requests(request, window_seconds):
    response = TemplateResponse(
        request,
        "429.html",
        {"retry_minutes": max(1, window_seconds // 60), "message": _("U heeft dit te vaak geprobeerd.")},
        status=429,
    )
    response["Retry-After"] = str(window_seconds)
    # Rendered here: middleware may return it too, and only view responses are rendered for us.
    return response.render()
