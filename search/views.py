from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from . import service


@require_GET
def search(request):
    """One search page over every public content type, with facets in the URL."""
    parameters = service.parse_parameters(request.GET)
    results = service.run_search(parameters)
    return render(request, "search/search.html", {
        "results": results, "query": parameters.text,
    })


@require_GET
def suggest(request):
    """Titles completing what a visitor typed (JSON for the search box)."""
    found = service.suggestions(request.GET.get(service.QUERY_PARAM, ""))
    response = JsonResponse({"suggestions": found})
    response["Cache-Control"] = "public, max-age=60"
    return response

