"""Every public page type answers with at most 12 queries, with the demo's handful of pages per overview and
with 500 more case studies, modules and guidance pages: the frame, facet counts, similar case studies and
language links come from the shared cache, and nothing counts every page per request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from benchmarks.pages import add_generated_pages
from curriculum.models import ModulePage
from knowledge.models import CaseStudyPage, GuidancePage

from .browser.site_pages import public_page_urls

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12
MORE = 500


def grow(count):
    """At least `count` more case studies, modules and guidance pages (the benchmarks' generated pages: text,
    themes, audiences, tags, municipalities; the shared caches renewed as publishing would)."""
    add_generated_pages(int(count / 0.3) + 1)  # 40% case studies, 30% modules, 30% guidance


def queries_per_page(client, language):
    """{page type: (queries, url)} for the second visit of each page (the first fills the shared caches)."""
    found = {}
    for name, url in public_page_urls(language):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        found[name] = (len(captured.captured_queries), url)
    return found


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_public_page_takes_at_most_12_queries_at_10_and_at_500_items(demo_content, client, language):
    small = queries_per_page(client, language)
    grow(MORE)
    large = queries_per_page(client, language)
    assert min(model.objects.live().count() for model in (CaseStudyPage, ModulePage, GuidancePage)) > MORE
    over = {name: (small[name][0], large[name][0], url) for name, (_count, url) in large.items()}
    over = {name: counts for name, counts in over.items() if max(counts[:2]) > QUERY_BUDGET}
    assert not over, f"(demo size, +{MORE} pages, url) over {QUERY_BUDGET} queries: {over}"
    assert len(large) >= 25  # every page type of the portal was visited
