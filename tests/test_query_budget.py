"""Every public page type answers with at most 12 queries, with the demo's handful of pages per overview and
with 500 more case studies, modules and guidance pages: the frame, facet counts, similar case studies and
language links come from the shared cache, and nothing counts every page per request."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from benchmarks.pages import bulk_child_pages
from curriculum.models import CurriculumIndexPage, ModulePage, Provider
from knowledge.models import CaseStudyIndexPage, CaseStudyPage, GuidanceIndexPage, GuidancePage, Municipality
from portal import caching
from portal.models import Audience, Theme

from .browser.site_pages import public_page_urls

pytestmark = pytest.mark.django_db

QUERY_BUDGET = 12
MORE = 500


def grow(count):
    """`count` more case studies, modules and guidance pages, each with themes and a tag the demo uses."""
    themes, audiences = list(Theme.objects.all()), list(Audience.objects.all())
    municipalities = list(Municipality.objects.exclude(size_class="")[:20])
    tags = list(Tag.objects.filter(slug__in=["polarisatie", "zorg-en-veiligheid", "wijk"]))
    providers = list(Provider.objects.all())
    bulk_child_pages(
        CaseStudyIndexPage.objects.get(locale__language_code="nl"),
        CaseStudyPage,
        count,
        fields=lambda n: {
            "municipality": municipalities[n % len(municipalities)],
            "start_year": 2015 + n % 10,
            "challenge": "<p>De opgave.</p>",
            "approach": "<p>De aanpak.</p>",
            "evidence_level": "beschreven",
        },
        relations=lambda n: {"themes": themes[n % 4 : n % 4 + 2]},
        tags=lambda n: [tags[n % len(tags)]],
    )
    bulk_child_pages(
        CurriculumIndexPage.objects.get(locale__language_code="nl"),
        ModulePage,
        count,
        fields=lambda n: {
            "provider": providers[n % len(providers)],
            "level": "basis",
            "format": "training",
            "duration_minutes": 90,
        },
        relations=lambda n: {"themes": themes[n % 4 : n % 4 + 2], "audiences": audiences[n % 6 : n % 6 + 2]},
        tags=lambda n: [tags[n % len(tags)]],
    )
    bulk_child_pages(
        GuidanceIndexPage.objects.get(locale__language_code="nl"),
        GuidancePage,
        count,
        fields=lambda n: {"kind": "handreiking", "publication_date": datetime.date(2025, 1, 1 + n % 28)},
        relations=lambda n: {"themes": themes[n % 4 : n % 4 + 1], "audiences": audiences[n % 6 : n % 6 + 1]},
        tags=lambda n: [tags[n % len(tags)]],
    )
    # Bulk inserts send no signals; publishing would have renewed what the caches hold.
    caching.invalidate(caching.ALL)


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
    assert CaseStudyPage.objects.live().count() > MORE and ModulePage.objects.live().count() > MORE
    over = {name: (small[name][0], large[name][0], url) for name, (_count, url) in large.items()}
    over = {name: counts for name, counts in over.items() if max(counts[:2]) > QUERY_BUDGET}
    assert not over, f"(demo size, +{MORE} pages, url) over {QUERY_BUDGET} queries: {over}"
    assert len(large) >= 25  # every page type of the portal was visited
