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
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()
