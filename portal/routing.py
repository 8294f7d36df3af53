"""Finding the page a URL names in one query, for Wagtail's own page view.

Wagtail walks the tree from the home page: the visitor's locale, the home page's translation, then two
queries per level (the child by slug, then its specific page type), seven for a case study in English. The
page's `url_path` already holds its place in the tree, and Wagtail keeps the home pages' paths per language
in the shared cache, so the deepest page the URL names comes from one query on `url_path` (plus one for its
page type). That page then routes what remains of the URL (its own sub-routes, or a 404), and Wagtail's view
serves the result as always (hooks, privacy, the page's own serve). Wherever this shortcut does not apply
(an unknown site or language, a home page that is not live), Wagtail routes the request itself.
"""

from django.http import Http404
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from .i18n import active_language_code


def route(request, path):
    """Wagtail's RouteResult for `path`, None for not found, or NotImplemented when Wagtail must route itself."""
    site = Site.find_for_request(request)
    if site is None:
        return NotImplemented
    language = active_language_code()
    site_roots = [root for root in Site.get_site_root_paths() if root.site_id == site.pk]
    roots = [root.root_path for root in site_roots]
    in_language = [root.root_path for root in site_roots if root.language_code == language]
    if not in_language:
        return NotImplemented
    root_path = in_language[0]
    components = [component for component in path.split("/") if component]
    prefixes = [
        root_path + "".join(f"{part}/" for part in components[:length]) for length in range(len(components) + 1)
    ]
    deepest = Page.objects.filter(url_path__in=prefixes).order_by("-depth").specific().first()
    if deepest is None or deepest.url_path not in prefixes or (deepest.url_path in roots and not deepest.live):
        return NotImplemented
    consumed = deepest.url_path[len(root_path) :].count("/")
    try:
        return deepest.route(request, components[consumed:])
    except Http404:
        return None


def serve(request, path):
    """Wagtail's page view, with the page found by `route`."""
    found = route(request, path)
    if found is not NotImplemented:
        request._wagtail_route_for_request = found  # where Wagtail keeps the route it found (Page.route_for_request)
    return wagtail_serve(request, path)
