"""What every answer under /api/ shares, around the operations (api.views).

`VersionHeaderMiddleware` stamps the API's version on every answer (NL GOV API Design Rules,
/core/version-header), also on what the portal's middleware or error handler answered before an API view ran.
`OpenDataMiddleware` sits closest to the views: the API is read-only (405 otherwise, 204 for a preflight), open
to every origin, rate limited per client address, moves version 1.0's query keys (301) and answers from the
shared cache when nothing the same URL showed has changed since (portal.caching).
"""

from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from portal import caching
from portal.listings import redirect_to_current
from portal.problems import problem_response
from portal.ratelimit import RateLimit

from .resources import API_PATH_PREFIX, API_VERSION, VERSION_HEADER, renamed_params

READ_METHODS = ("GET", "HEAD", "OPTIONS")
REQUESTS = RateLimit("api", "API_RATE_LIMIT")
# A safety net: publishing renews the answers that list or show what changed.
ANSWERS = caching.Entry("api", ("address",), timeout=600, hashed=True)


class VersionHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PATH_PREFIX):
            response[VERSION_HEADER] = API_VERSION
            response["Access-Control-Expose-Headers"] = VERSION_HEADER
        return response


class OpenDataMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PATH_PREFIX):
            return self.get_response(request)
        response = self.answer(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Allow-Methods"] = ", ".join(READ_METHODS)
        response["Access-Control-Allow-Headers"] = "Accept, Accept-Language"
        response["Access-Control-Max-Age"] = "86400"
        # Every request counts towards its client's rate limit: never answered from the shared page cache.
        patch_cache_control(response, private=True)
        return response

    def answer(self, request):
        if request.method not in READ_METHODS:
            response = problem_response(405, _("De API is alleen te lezen (GET)."))
            response["Allow"] = ", ".join(READ_METHODS)
            return response
        if request.method == "OPTIONS":
            return HttpResponse(status=204)
        if REQUESTS.exceeded(request):
            response = problem_response(429, _("Te veel verzoeken; probeer het over een minuut opnieuw."))
            response["Retry-After"] = str(REQUESTS.window)
            return response
        redirect = redirect_to_current(request, renamed_params())
        if redirect is not None:
            return redirect
        # A HEAD is answered as its GET (the operations declare GET); the server sends the headers only.
        request.method = "GET"
        return self.cached(request)

    def cached(self, request):
        """The answer from the shared cache when the same URL was answered since nothing it shows changed.
        Exports stream and are not kept."""
        answer, state = ANSWERS.fetch(
            lambda: self.get_response(request),
            keep=lambda response: response.status_code == 200 and not response.streaming,
            stored=lambda response: (response.content, response["Content-Type"]),
            address=request.get_full_path(),
        )
        if state == caching.HIT:
            content, content_type = answer
            return HttpResponse(content, content_type=content_type)
        return answer
