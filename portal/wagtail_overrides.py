"""Every place the portal changes how Wagtail itself works, in one module.

Each replaces a Wagtail lookup that costs queries on every visit by one that reads the shared cache or one
query, and must answer exactly as Wagtail does: tests/test_wagtail_overrides.py compares each with
Wagtail's own result on the same tree, so a Wagtail upgrade that changes the behaviour fails a test.

1. `private_q` replaces `PageQuerySet.private_q` (installed at start-up by `install`): which pages are in a
   restricted section, from the restricted sections kept in the shared cache.
2. `view_restrictions` serves `BasePage.get_view_restrictions`: no query for a page that is in no restricted
   section (most pages); Wagtail's own lookup for the rest.
3. `route` and `serve` find the page a URL names in one query on `url_path`, for Wagtail's page view.
"""

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.query import PageQuerySet
from wagtail.views import serve as wagtail_serve

from . import caching
from .i18n import active_language_code

# A safety net: a restriction's change or a move renews it at once.
RESTRICTED_SECTIONS = caching.Entry("page-view-restrictions", timeout=24 * 3600)
WAGTAIL_PRIVATE_Q = PageQuerySet.private_q  # Wagtail's own, which the tests compare with


def install():
    """Replace Wagtail's lookups by the portal's (PortalConfig.ready)."""
    PageQuerySet.private_q = private_q


# 1 and 2: page privacy


def restrictions():
    """{"sections": [(path, depth) of every page with a view restriction], "aliases": whether any page is an
    alias} from the shared cache (portal.caching: renewed when a restriction or any page changes)."""

    def build():
        caching.record(caching.RESTRICTIONS)
        return {
            "sections": [tuple(row) for row in PageViewRestriction.objects.values_list("page__path", "page__depth")],
            "aliases": Page.objects.filter(alias_of__isnull=False).exists(),
        }

    return RESTRICTED_SECTIONS.get_or_build(build)


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q` without its query: Wagtail reads every restriction each time a listing
    asks for `.public()` pages (five times on a case study page); the restricted sections rarely change."""
    condition = Q()
    for path, depth in restrictions()["sections"]:
        condition |= Q(path__startswith=path) & Q(depth__gte=depth)
    return condition if condition else Q(pk__in=[])


def may_be_restricted(page):
    """False when no restriction applies to `page` for certain (no query); else Wagtail must look."""
    cached = restrictions()
    return bool(
        page.alias_of_id or cached["aliases"] or any(page.path.startswith(path) for path, _ in cached["sections"])
    )


def view_restrictions(page, wagtails_own):
    """The restrictions that apply to `page`: none without a query when it is in no restricted section, else
    `wagtails_own()` (Wagtail looks the page's ancestors and their restrictions up: two queries)."""
    return wagtails_own() if may_be_restricted(page) else PageViewRestriction.objects.none()


# 3: routing


def route(request, path):
    """Wagtail's RouteResult for `path`, None for not found, or NotImplemented when Wagtail must route itself.

    Wagtail walks the tree from the home page: the visitor's locale, the home page's translation, then two
    queries per level (the child by slug, then its specific page type), seven for a case study in English.
    The page's `url_path` already holds its place in the tree, and Wagtail keeps the home pages' paths per
    language in the shared cache, so the deepest page the URL names comes from one query on `url_path` (plus
    one for its page type). That page then routes what remains of the URL (its own sub-routes, or a 404).
    Wherever this shortcut does not apply (an unknown site or language, a home page that is not live),
    Wagtail routes the request itself.
    """
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
    """Wagtail's page view, with the page found by `route`; Wagtail serves it as always (hooks, privacy, the
    page's own serve)."""
    found = route(request, path)
    if found is not NotImplemented:
        request._wagtail_route_for_request = found  # where Wagtail keeps the route it found (Page.route_for_request)
    return wagtail_serve(request, path)
