from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

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
            if request.path.startswith(JSON_PATH_PREFIXES):  # API callers get their errors as JSON
                return JsonResponse({"error": message}, status=400)
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


def serialise_policy(policy):
    return "; ".join(f"{directive} {sources}" for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.public = serialise_policy(PUBLIC_POLICY)
        self.admin = serialise_policy(ADMIN_POLICY)

    def __call__(self, request):
        response = self.get_response(request)
        policy = self.admin if request.path.startswith(ADMIN_PREFIXES) else self.public
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
        return response
