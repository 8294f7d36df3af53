"""Throttling of the forms an attacker can use without an account.

Logins are counted by django-axes (settings: AXES_*), which sees every ``authenticate()`` call whatever
form made it: the portal's, Wagtail's admin, Django's admin and the page-privacy login. Here are the
pieces axes lets us supply: one account name however it is written, and the portal's 429 page. Password
resets send mail, so they are limited per client and per e-mail address with the portal's rate limit.
"""

import unicodedata

from django.conf import settings

from .ratelimit import RateLimit, too_many_requests

PASSWORD_RESETS = RateLimit("password-reset", "PASSWORD_RESET_RATE_LIMIT")

PASSWORD_RESET_SUFFIX = "/password_reset/"


def normalise_account_name(name):
    """'ｔｒａｉｎｅｒ２', 'Trainer2' and ' trainer2 ' are one account for counting."""
    return unicodedata.normalize("NFKC", name or "").strip().casefold()


def normalised_username(request, credentials=None):
    if credentials and credentials.get("username") is not None:
        raw = credentials.get("username")
    else:
        raw = getattr(request, "POST", {}).get("username")
    return normalise_account_name(raw) if raw is not None else None


def locked_out(request, credentials=None, *args, **kwargs):
    return too_many_requests(request, settings.LOGIN_THROTTLE_SECONDS)


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path.endswith(PASSWORD_RESET_SUFFIX):
            address = normalise_account_name(request.POST.get("email"))
            # Both counters advance, so neither many addresses from one client nor one address from many
            # clients gets past the limit.
            by_client = PASSWORD_RESETS.exceeded(request)
            by_address = PASSWORD_RESETS.exceeded(request, key=f"email:{address}")
            if by_client or by_address:
                return too_many_requests(request, PASSWORD_RESETS.window)
        return self.get_response(request)
