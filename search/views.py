from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from portal.ratelimit import is_limited, too_many_requests

from . import service


@require_GET
def search(request):
    """One search page over every public content type, with facets in the URL."""
    limit, window = settings.SEARCH_RATE_LIMIT
    if is_limited(request, "search", limit, window):
        return too_many_requests(request, window)
    parameters = service.parse_parameters(request.GET)
    results = service.run_search(parameters)
    return render(request, "search/search.html", {
        "results": results, "query": parameters.text,
    })


@require_GET
def suggest(request):
    """Titles completing what a visitor typed (JSON for the search box)."""
    limit, window = settings.SUGGEST_RATE_LIMIT
    if is_limited(request, "suggest", limit, window):
        # JSON callers get JSON: the search box then simply shows no suggestions.
        response = JsonResponse({"suggestions": [], "error": "too many requests"}, status=429)
        response["Retry-After"] = str(window)
        return response
    found = service.suggestions(request.GET.get(service.QUERY_PARAM, ""))
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "public, max-age=60"
    return response

