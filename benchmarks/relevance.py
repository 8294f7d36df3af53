"""Search relevance report: success@3, MRR and the zero-result rate of the judged queries, per engine.

Builds the corpus of `benchmarks/relevance_set.py` as real pages (modules, case studies, English
translations, editor synonyms) on a throw-away database, indexes it with every configured engine, and
asks each query through the search page's own service (`search.service.run_search`), as a visitor of
the query's language would.

    .venv/bin/python benchmarks/relevance.py                   # database engine (SQLite)
    ELASTICSEARCH_URL=http://127.0.0.1:59200 .venv/bin/python benchmarks/relevance.py
    .venv/bin/python benchmarks/relevance.py --failures        # list the queries that fail, per engine
    .venv/bin/python benchmarks/relevance.py --record          # write relevance_must_pass.txt (passing on all engines)

A query passes when every page it names is among the first three results and none of the pages it
excludes is on the first page. success@3 is the share of passing queries; MRR the mean reciprocal rank of
the first named page (0 when it is not on the first page); zero-result rate the share of queries that
found nothing.
"""

import argparse
import dataclasses
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MUST_PASS_FILE = Path(__file__).resolve().parent / "relevance_must_pass.txt"


@dataclasses.dataclass
class Outcome:
    query: str
    language: str
    ranked: list  # corpus keys of the first page of results, in order (None for pages outside the corpus)
    total: int
    must: list
    must_not: list

    @property
    def key(self):
        return f"{self.language}:{self.query}"

    @property
    def passed(self):
        top = self.ranked[:3]
        return all(key in top for key in self.must) and not any(key in self.ranked for key in self.must_not)

    @property
    def reciprocal_rank(self):
        for position, key in enumerate(self.ranked, 1):
            if key in self.must:
                return 1 / position
        return 0.0


def build_corpus():
    """Create the judged corpus as live pages; returns {url: key}."""
    from django.utils.text import slugify
    from wagtail.models import Site

    from benchmarks.relevance_set import CASE_STUDIES, ENGLISH_PAGES, MODULES, SYNONYMS
    from knowledge.models import Municipality
    from portal.models import Audience, Theme
    from search.models import Synonym
    from tests.factories import (
        CaseStudyIndexPageFactory,
        CaseStudyPageFactory,
        CurriculumIndexPageFactory,
        ModulePageFactory,
        ProviderFactory,
        translate,
    )

    home = Site.objects.get(is_default_site=True).root_page
    curriculum = CurriculumIndexPageFactory(parent=home, title="Curriculum", slug="curriculum")
    case_index = CaseStudyIndexPageFactory(parent=home)
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    for terms in SYNONYMS:
        Synonym.objects.get_or_create(terms=terms)
    pages = {}
    for key, title, intro, theme_slugs, audience_slugs, tags, (provider_name, abbreviation) in MODULES:
        provider = ProviderFactory(name=provider_name, abbreviation=abbreviation, slug=slugify(abbreviation))
        page = ModulePageFactory(
            parent=curriculum,
            title=title,
            slug=slugify(key),
            intro=intro,
            provider=provider,
            themes=[themes[slug] for slug in theme_slugs],
            audiences=[audiences[slug] for slug in audience_slugs],
        )
        page.tags.add(*tags)
        page.save()
        pages[key] = page
    for key, title, intro, text, theme_slugs, tags, (code, name, province), year in CASE_STUDIES:
        municipality, _created = Municipality.objects.get_or_create(
            cbs_code=code,
            defaults={"name": name, "province": province},
        )
        page = CaseStudyPageFactory(
            parent=case_index,
            title=title,
            slug=slugify(key),
            intro=intro,
            municipality=municipality,
            challenge=f"<p>{text}</p>",
            approach="<p>Zie hierboven.</p>",
            start_year=year,
            themes=[themes[slug] for slug in theme_slugs],
            tags=tags,
        )
        pages[key] = page
    for key, source, title, intro in ENGLISH_PAGES:
        translation = translate(pages[source], "en", title=title, publish=False)
        translation.intro = intro
        translation.save_revision().publish()
        pages[key] = translation
    return {page.specific.get_url_parts()[2]: key for key, page in pages.items()}


def index_everything():
    """A full rebuild of every configured engine, as `rebuild_search_index` does."""
    from search import engines
    from search.indexing import all_searchable_documents

    for engine in engines.writable_engines():
        engine.rebuild(all_searchable_documents())


def evaluate(keys_by_url):
    """Ask every judged query through the search service; one Outcome each."""
    from urllib.parse import urlencode

    from django.http import QueryDict
    from django.utils import translation

    from benchmarks.relevance_set import judged_queries
    from search import service

    outcomes = []
    for query, language, must, must_not in judged_queries():
        with translation.override(language):
            parameters = service.parse_parameters(QueryDict(urlencode({"q": query})))
            results = service.run_search(parameters, record=False)
        outcomes.append(
            Outcome(
                query=query,
                language=language,
                ranked=[keys_by_url.get(item.url) for item in results.items],
                total=results.total,
                must=list(must),
                must_not=list(must_not),
            )
        )
    return outcomes


def summary(outcomes):
    judged = [outcome for outcome in outcomes if outcome.must]
    return {
        "queries": len(outcomes),
        "success_at_3": sum(outcome.passed for outcome in outcomes) / len(outcomes),
        "mrr": sum(outcome.reciprocal_rank for outcome in judged) / len(judged),
        "zero_results": sum(outcome.total == 0 for outcome in outcomes) / len(outcomes),
    }


def recorded_must_pass():
    """The query keys recorded as passing on every engine ('nl:polarisatie')."""
    if not MUST_PASS_FILE.exists():
        return []
    return [
        line.strip() for line in MUST_PASS_FILE.read_text().splitlines() if line.strip() and not line.startswith("#")
    ]


def _alternative_analyses():
    """Dutch analyses to compare on the judged set: (name, term of a word, compound parts of a word)."""
    import functools

    import snowballstemmer

    from search import text

    def stemmer(algorithm):
        stem = functools.lru_cache(maxsize=None)(snowballstemmer.stemmer(algorithm).stemWord)
        return lambda word: stem(word)

    def no_compounds(word):
        return ()

    return {
        "Snowball dutch (3.x default, Kraaij-Pohlmann)": (stemmer("dutch"), no_compounds),
        "Snowball dutch_porter": (stemmer("dutch_porter"), no_compounds),
        "lemma (simplemma)": (text.lemma, no_compounds),
        "lemma + derivations": (lambda word: text.derive(text.lemma(word)), no_compounds),
        "lemma + derivations + compounds (the portal's)": (text.dutch_term, text.compound_parts),
    }


def compare_analyses(keys_by_url):
    """success@3, MRR and zero results of each Dutch analysis on the database engine (the corpus is indexed
    afresh with each)."""
    from unittest import mock

    from search import text

    rows = []
    for name, (term_function, parts_function) in _alternative_analyses().items():
        with (
            mock.patch.object(text, "dutch_term", term_function),
            mock.patch.object(text, "compound_parts", parts_function),
        ):
            index_everything()
            rows.append((name, summary(evaluate(keys_by_url))))
    index_everything()
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true", help="list the failing queries per engine")
    parser.add_argument("--record", action="store_true", help=f"write {MUST_PASS_FILE.name}")
    parser.add_argument(
        "--compare-analyses",
        action="store_true",
        help="also compare Dutch analyses (Snowball variants, lemmas, derivations, compounds)",
    )
    arguments = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    from benchmarks.search import fresh_database

    fresh_database()
    elasticsearch_url = os.environ.get("ELASTICSEARCH_URL", "").strip() or None
    if elasticsearch_url:
        from search.engines.elasticsearch import ElasticsearchEngine

        ElasticsearchEngine(elasticsearch_url, "relevance").delete_all()  # a fresh start, like the database
    engines_to_ask = [("database", None)] + ([("elasticsearch", elasticsearch_url)] if elasticsearch_url else [])
    with override_settings(
        ELASTICSEARCH_URL=elasticsearch_url, SEARCH_INDEX_PREFIX="relevance", SEARCH_REFRESH_AFTER_WRITE=True
    ):
        keys_by_url = build_corpus()
        index_everything()
    results = {}
    for name, url in engines_to_ask:
        with override_settings(ELASTICSEARCH_URL=url, SEARCH_INDEX_PREFIX="relevance"):
            results[name] = evaluate(keys_by_url)
    print(
        f"Judged queries: {len(results['database'])}; corpus: {len(keys_by_url)} pages; "
        f"database: {settings.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1]}\n"
    )
    print("| engine | success@3 | MRR | zero results |")
    print("|---|---:|---:|---:|")
    for name, outcomes in results.items():
        found = summary(outcomes)
        print(f"| {name} | {found['success_at_3']:.1%} | {found['mrr']:.3f} | {found['zero_results']:.1%} |")
    if arguments.compare_analyses:
        with override_settings(ELASTICSEARCH_URL=None):
            rows = compare_analyses(keys_by_url)
        print("\nDutch analyses compared (database engine):\n")
        print("| analysis | success@3 | MRR | zero results |")
        print("|---|---:|---:|---:|")
        for name, found in rows:
            print(f"| {name} | {found['success_at_3']:.1%} | {found['mrr']:.3f} | {found['zero_results']:.1%} |")
    if arguments.failures:
        for name, outcomes in results.items():
            print(f"\nFailing on {name}:")
            for outcome in outcomes:
                if not outcome.passed:
                    print(
                        f"  {outcome.key!r}: got {outcome.ranked[:5]} ({outcome.total} results), "
                        f"want top 3 {outcome.must}, not {outcome.must_not}"
                    )
    if arguments.record:
        passing = [
            outcome.key
            for outcome in results["database"]
            if all(next(o for o in outcomes if o.key == outcome.key).passed for outcomes in results.values())
        ]
        MUST_PASS_FILE.write_text(
            "# Judged queries that pass on every engine (benchmarks/relevance.py --record); tests/test_relevance.py\n"
            "# fails when one of them stops passing.\n" + "\n".join(passing) + "\n"
        )
        print(f"\nRecorded {len(passing)} passing queries in {MUST_PASS_FILE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
