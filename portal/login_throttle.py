"""Login throttling against password guessing, for the portal's and Wagtail's login forms.

Failed attempts are counted per account name and per client address in the cache; past the limit
the login form answers 429 with a clear page until the window has passed, whatever the password.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .ratelimit import client_key, too_many_requests

LOGIN_PATHS = ("/inloggen/", "/en/inloggen/", "/admin/login/")


def _keys(request, username):
    account = hashlib.sha256((username or "").strip().lower().encode()).hexdigest()[:16]
    return f"login-failures:account:{account}", f"login-failures:client:{client_key(request)}"


def is_throttled(request, username):
    account_key, client = _keys(request, username)
    return (cache.get(account_key, 0) >= settings.LOGIN_FAILURES_PER_ACCOUNT
            or cache.get(client, 0) >= settings.LOGIN_FAILURES_PER_CLIENT)


def record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    for key in _keys(request, credentials.get("username")):
        cache.add(key, 0, timeout=settings.LOGIN_THROTTLE_SECONDS)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=settings.LOGIN_THROTTLE_SECONDS)


def record_success(sender, request, user, **kwargs):
    account_key, _client = _keys(request, user.get_username())
    cache.delete(account_key)


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path in LOGIN_PATHS and is_throttled(request, request.POST.get("username")):
            return too_many_requests(request, settings.LOGIN_THROTTLE_SECONDS)
        return self.get_response(request)
