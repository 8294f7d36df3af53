"""Every kind of entry in the shared cache and every rate limit is declared once (name, key parts, timeout;
purpose and setting), and nothing else builds their keys by hand."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal import caching
from portal.templatetags.portal_tags import FRAME

ROOT = Path(__file__).resolve().parent.parent
APPS = ["portal", "curriculum", "knowledge", "needs", "search", "api"]
# A key or a limit written by hand: the cache's functions called with a key, or the counter itself.
BY_HAND = re.compile(r"caching\.(get|put|get_or_build)\(|\bis_limited\(")


def test_every_kind_of_entry_is_declared_once_with_its_parts_and_timeout():
    # The modules that declare entries, imported as requests would.
    import api.middleware  # noqa: F401
    import portal.middleware  # noqa: F401
    import portal.sitemaps  # noqa: F401
    import search.service  # noqa: F401

    entries = caching.declared_entries()
    assert set(entries) == {
        "agenda", "anonymous-page", "api", "breadcrumbs", "frame", "gathered", "home-sections", "language-links",
        "listing-counts", "listing-options", "listing-page", "needs-summary", "page-view-restrictions", "richtext",
        "search-document-frequencies", "search-labels", "search-results", "search-synonyms", "similar-case-studies",
        "sitemap",
    }  # fmt: skip
    for entry in entries.values():
        assert isinstance(entry.parts, tuple) and (isinstance(entry.timeout, int) or callable(entry.timeout))
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        caching.Entry("frame", ("site", "language"))
    assert FRAME.key(site=1, language="nl") == "frame:1:nl"
    with pytest.raises(TypeError, match="keyed by"):
        FRAME.key(site=1)  # a part left out would mix two sites' or languages' frames


def test_no_module_writes_a_cache_key_or_a_rate_limit_by_hand():
    found = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if path.name in ("caching.py", "ratelimit.py") and path.parent.name == "portal":
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if BY_HAND.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


@pytest.mark.django_db
def test_an_entry_keeps_what_it_built_until_what_it_shows_changes():
    built = []
    entry = caching.declared_entries()["search-synonyms"]

    def build():
        caching.record(caching.SEARCH)
        built.append(1)
        return ["wijk", "buurt"]

    assert entry.fetch(build) == (["wijk", "buurt"], caching.STORED)
    assert entry.fetch(build) == (["wijk", "buurt"], caching.HIT) and len(built) == 1
    caching.invalidate(caching.SEARCH)
    assert entry.fetch(build, keep=lambda value: False) == (["wijk", "buurt"], caching.NOT_STORED)
    assert entry.fetch(build)[1] == caching.STORED and len(built) == 3
