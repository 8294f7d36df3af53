from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Page

from .query import clean_query

RESULTS_PER_PAGE = 10


def search(request):
    """Plain site search over live, public pages (the faceted engine replaces this later)."""
    query = clean_query(request.GET.get("q", ""))
    results = None
    if query:
        pages = Page.objects.live().public().specific().search(query)
        results = Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "search/search.html", {"query": query, "results": results})
