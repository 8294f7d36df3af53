from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

from portal import caching
from portal.problems import problem_response

JSON_PATH_PREFIXES = ("/api/",)


class RejectNullBytesMiddleware:
    """Refuse requests with NUL characters in the path, query or form fields.

    No browser sends them and PostgreSQL cannot store or compare them, so any view that passed one
    to a query would fail with a server error. One clear 400 here keeps every view safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            "\x00" in request.path
            or self._has_null(request.GET)
            or (request.method == "POST" and self._has_null(request.POST))
        ):
            message = _(
                "Het verzoek bevat ongeldige tekens (NUL). Controleer de link of het formulier en probeer het opnieuw."
            )
            if request.path.startswith(JSON_PATH_PREFIXES):  # API callers get problem details
                return problem_response(400, message)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    @staticmethod
    def _has_null(query_dict):
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in query_dict.lists())


# The public site loads only its own scripts and styles: no inline code at all.
PUBLIC_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    # Video embeds editors may place in pages.
    "frame-src": "https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
# Wagtail's admin relies on inline scripts and styles, so it gets a policy of its own.
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "script-src": "'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob:",
    "frame-src": "'self' https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com",
    "frame-ancestors": "'self'",
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
# A page rendered for the admin's preview panel (Wagtail's dummy request to the page's own URL): the public
# policy, but the admin on this site may show it in its frame.
PREVIEW_POLICY = {**PUBLIC_POLICY, "frame-ancestors": "'self'"}


def serialise_policy(policy):
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = serialise_policy(PUBLIC_POLICY)
        self.admin = serialise_policy(ADMIN_POLICY)
        self.preview = serialise_policy(PREVIEW_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIXES):
            policy = self.admin
        elif getattr(request, "is_dummy", False):
            policy = self.preview
        else:
            policy = self.public
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response


class AnonymousPageCacheMiddleware:
    """Whole responses for anonymous visitors from the shared cache (PAGE_CACHE_SECONDS; 0 switches it off).

    Keyed by everything that changes the answer: scheme, host, language and the path with its query. Only
    for GET requests without a session or message cookie or credentials (so never for a logged-in visitor),
    and only answers that are a 200, set no cookie (so no CSRF token for a form, no message, no session) and
    are not marked private. Each entry depends on the pages and listings it shows (portal.caching):
    publishing a page renews exactly the entries that show it. Sits outside the session, locale, CSRF and
    message middleware: what they add to an answer is stored with it, and a hit skips them.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.conf import settings

        with caching.request_scope():
            return self.respond(request, settings.PAGE_CACHE_SECONDS, settings)

    def respond(self, request, timeout, settings):
        if not timeout or not self.may_use_cache(request, settings):
            return self.get_response(request)
        answer, state = PAGES.fetch(
            lambda: self.get_response(request),
            keep=lambda response: self.may_store(request, response),
            stored=lambda response: (
                response.status_code,
                [(name, value) for name, value in response.items() if name.lower() not in UNSTORED_HEADERS],
                response.content,
            ),
            **self.key_parts(request),
        )
        if state != caching.HIT:
            if state == caching.STORED:
                answer.headers["X-Page-Cache"] = "miss"
            return answer
        status, headers, content = answer
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response.headers[name] = value
        response.headers["X-Page-Cache"] = "hit"
        return response

    @staticmethod
    def may_use_cache(request, settings):
        return (
            request.method == "GET"
            and not getattr(request, "is_dummy", False)  # Wagtail's preview of a draft: never from or into the cache
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
        )

    @staticmethod
    def key_parts(request):
        from django.conf import settings
        from django.utils.translation import get_language_from_path

        # The language LocaleMiddleware will choose: the URL's prefix, else the default (no prefix for Dutch).
        language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
        scheme = "https" if request.is_secure() else "http"
        return {"scheme": scheme, "host": request.get_host(), "language": language, "address": request.get_full_path()}

    @staticmethod
    def may_store(request, response):
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        )


# Set per response by the middleware outside the cache, or by the cache itself.
UNSTORED_HEADERS = {"set-cookie", "x-page-cache", "content-length"}


def _page_cache_seconds():
    from django.conf import settings

    return settings.PAGE_CACHE_SECONDS


# Whole answers for anonymous visitors, for PAGE_CACHE_SECONDS at most (publishing renews those that show it).
PAGES = caching.Entry(
    "anonymous-page", ("scheme", "host", "language", "address"), timeout=_page_cache_seconds, hashed=True
)
