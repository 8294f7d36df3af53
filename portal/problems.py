"""Errors for machine clients as problem details (RFC 9457, application/problem+json): the API's own
errors and what the portal's middleware and error handler answer under /api/."""

import http

from django.http import JsonResponse

CONTENT_TYPE = "application/problem+json"


def problem_response(status, detail):
    """The status's own title, what went wrong as the detail."""
    return JsonResponse(
        {"type": "about:blank", "title": http.HTTPStatus(status).phrase, "status": status, "detail": detail},
        status=status,
        content_type=CONTENT_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
