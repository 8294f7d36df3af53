"""The API's version on every answer under /api/ (NL GOV API Design Rules, /core/version-header), also on
what the portal's middleware or error handler answered before an API view ran."""

from .resources import API_PATH_PREFIX, API_VERSION, VERSION_HEADER


class VersionHeaderMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PATH_PREFIX):
            response[VERSION_HEADER] = API_VERSION
            response["Access-Control-Expose-Headers"] = VERSION_HEADER
        return response
