from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


class RejectNullBytesMiddleware:
    """Refuse requests with NUL characters in the path, query or form fields.

    No browser sends them and PostgreSQL cannot store or compare them, so any view that passed one
    to a query would fail with a server error. One clear 400 here keeps every view safe.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or self._has_null(request.GET) or (request.method == "POST" and self._has_null(request.POST)):
            return HttpResponseBadRequest(
                _("Het verzoek bevat ongeldige tekens (NUL). Controleer de link of het formulier en probeer het opnieuw."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)

    @staticmethod
    def _has_null(query_dict):
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in query_dict.lists())
