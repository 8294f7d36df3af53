"""The sitemap of every language: Wagtail's sitemap lists the descendants of the site's root page only, and
the English pages live under the English home page, a translation of that root."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from portal import caching


class AllLanguagesSitemap(Sitemap):
    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True).only("path")
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        caching.record_listing(Page)
        # Plain pages, not their specific types: no page type changes its sitemap entry, and 100,000 specific
        # pages would cost seconds.
        return Page.objects.filter(in_a_tree).live().public().order_by("path")


SITEMAP = caching.Entry("sitemap", ("scheme", "host", "page"), timeout=3600)  # a safety net: publishing renews it


def sitemap(request):
    """The sitemap from the shared cache: built once per change of the pages (seconds at 100,000 pages), not per
    request of every crawler."""
    from django.http import HttpResponse
    from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

    def build():
        response = wagtail_sitemap(request, sitemaps={"pages": AllLanguagesSitemap})
        response.render()
        return response.status_code, response.content, response["Content-Type"]

    scheme = "https" if request.is_secure() else "http"
    status, content, content_type = SITEMAP.get_or_build(
        build, scheme=scheme, host=request.get_host(), page=request.GET.get("p", "1")[:10]
    )
    return HttpResponse(content, status=status, content_type=content_type)
