"""Search benchmark: indexing time and query latency percentiles at 10,000 and 100,000 documents.

Generates a realistic Dutch corpus (modules, case studies, guidance, events; themes, audiences, tags,
provinces, municipalities, evidence levels, years), indexes it with each engine's bulk path and runs a fixed
list of queries, some with three facets selected, against:

- the portal's Elasticsearch engine (needs ELASTICSEARCH_URL; `scripts/elasticsearch-test-node start`),
- the portal's database engine (SQLite by default; PostgreSQL when DATABASE_URL is set),
- Wagtail's own stock search (its default database backend) on the same corpus.

    .venv/bin/python benchmarks/search.py                       # 10,000 and 100,000 documents
    .venv/bin/python benchmarks/search.py --sizes 1000 --rounds 3
    ELASTICSEARCH_URL=http://127.0.0.1:59200 .venv/bin/python benchmarks/search.py
    ELASTICSEARCH_URL=http://127.0.0.1:59200 .venv/bin/python benchmarks/search.py --hybrid --engines elasticsearch

With `--hybrid` the documents also get their passages and vectors (search by meaning) and each portal engine
is timed twice on the same index, side by side: the lexical request, and the hybrid request the search page
makes (the query embedded by the model, the lexical search, the nearest documents within the same filters,
and their fusion). The corpus draws its sentences from a fixed list, so a passage's vector is the normalised
sum of the model's embeddings of its sentences (each sentence embedded once): preparing 100,000 documents
then takes minutes instead of the model's 30 or more (the model's real work per page is measured by
benchmarks/rebuild.py).

The database is a throw-away one (a temporary SQLite file, or the DATABASE_URL database, which is
flushed: never point it at production). Results go to stdout as a Markdown table.
"""

import argparse
import dataclasses
import os
import platform
import random
import re
import sys
import threading
import time
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import DatabaseError, connection  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402
from wagtail.search.backends import get_search_backend  # noqa: E402

from benchmarks.corpus import SENTENCES  # noqa: E402
from benchmarks.models import BenchmarkDocument  # noqa: E402
from search import embeddings, text  # noqa: E402
from search.engines import SearchRequest  # noqa: E402
from search.engines.database import DatabaseEngine  # noqa: E402
from search.engines.elasticsearch import ElasticsearchEngine  # noqa: E402
from search.query import parse_query  # noqa: E402

SEED = 20260206  # the theme day
TYPES = [("module", 0.25), ("case_study", 0.35), ("guidance", 0.2), ("event", 0.1), ("ezine", 0.05), ("page", 0.05)]
THEMES = ["inclusie", "polarisatie", "problematisch-gedrag-en-ondermijning", "radicalisering-en-extremisme"]
AUDIENCES = ["bestuurders", "beleidsmedewerkers", "professionals", "trainers"]
TAGS = [
    "jongeren",
    "onderwijs",
    "online",
    "wijkaanpak",
    "zorg-en-veiligheid",
    "signalering",
    "casusoverleg",
    "moskee",
    "sport",
    "ouders",
    "discriminatie",
    "desinformatie",
    "drugs",
    "weerbaarheid",
    "dialoog",
    "bestuur",
    "politie",
    "jongerenwerk",
    "sociale-media",
    "netwerk",
]
EVIDENCE = ["praktijkervaring", "beschreven", "theoretisch-onderbouwd", "effectief"]
MUNICIPALITIES = [
    (line.split(";")[0], line.split(";")[2])
    for line in (ROOT / "knowledge/data/municipalities-demo.csv").read_text(encoding="utf-8").splitlines()[1:]
    if line.strip()
]
SUBJECTS = [
    "Polarisatie op school",
    "Samenwerking tussen zorg en veiligheid",
    "Radicalisering signaleren",
    "Ondermijning in de wijk",
    "Inclusie in beleid",
    "Jongeren en extremisme online",
    "Spanningen in de buurt",
    "Coördinatie van het casusoverleg",
    "Weerbaarheid van jongeren",
    "Georganiseerde criminaliteit en het sociaal domein",
    "Dialoog na een incident",
    "Desinformatie en complotdenken",
    "Discriminatie aanpakken",
    "Problematisch gedrag van groepen",
]
QUERIES = [
    ("polarisatie", {}),
    ("polarisatie op school", {}),
    ("samenwerking zorg en veiligheid", {}),
    ("radicaliseren", {"type": ["module"]}),
    ("gemeenten coordinatie", {}),
    (
        "ondermijning",
        {
            "type": ["case_study"],
            "province": ["Utrecht", "Noord-Brabant"],
            "themes": ["problematisch-gedrag-en-ondermijning"],
        },
    ),
    ("jongeren online", {"type": ["module", "guidance"], "audiences": ["professionals"], "year": ["2024", "2025"]}),
    ("dialoog incident", {"themes": ["polarisatie"], "province": ["Zuid-Holland"], "evidence_level": ["beschreven"]}),
    ("weerbaarheid", {}),
    ("discriminatie", {"tags": ["discriminatie"]}),
]


def weighted_type(rng):
    point, total = rng.random(), 0.0
    for name, weight in TYPES:
        total += weight
        if point <= total:
            return name
    return TYPES[-1][0]


def generate(count, first_id):
    """`count` document dicts as search.documents.page_to_document makes them, deterministic per seed."""
    rng = random.Random(SEED)
    for offset in range(count):
        municipality_code, province = rng.choice(MUNICIPALITIES)
        subject = rng.choice(SUBJECTS)
        title = f"{subject} in {rng.choice(MUNICIPALITIES)[0][-4:]} ({offset})"
        body = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(8, 16)))
        year = rng.randint(2015, 2026)
        doc_type = weighted_type(rng)
        yield {
            "id": first_id + offset,
            "type": doc_type,
            "title": title,
            "summary": body[:300],
            "body": body,
            "url": f"/benchmark/{offset}/",
            "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "year": [year],
            "themes": rng.sample(THEMES, rng.randint(1, 2)),
            "audiences": rng.sample(AUDIENCES, rng.randint(1, 2)),
            "tags": rng.sample(TAGS, rng.randint(0, 4)),
            "province": [province] if doc_type == "case_study" else [],
            "municipality": [municipality_code] if doc_type == "case_study" else [],
            "evidence_level": [rng.choice(EVIDENCE)] if doc_type == "case_study" else [],
            "language": ["nl"],
            "title_stems": text.term_text(title),
            "filed_stems": "",
            "stems": text.term_text(title, body),
            "folded": " ".join(text.words(f"{title} {body}")),
        }


def fresh_database():
    if connection.vendor == "sqlite":
        connection.close()
        Path(settings.BENCHMARK_SQLITE).unlink(missing_ok=True)
    else:
        # A new schema: flushing would also drop what the data migrations created (site, home page).
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    call_command("migrate", run_syncdb=True, verbosity=0)


def create_pages(count):
    """Bare page rows for the documents to belong to (the database engine's rows reference pages)."""
    home = Site.objects.get(is_default_site=True).root_page
    content_type = ContentType.objects.get_for_model(Page)
    batch, first_id = [], None
    for position in range(count):
        batch.append(
            Page(
                title=f"Document {position}",
                slug=f"document-{position}",
                content_type=content_type,
                live=True,
                path=Page._get_path(home.path, home.depth + 1, position + 1),
                depth=home.depth + 1,
                numchild=0,
                url_path=f"{home.url_path}document-{position}/",
                locale_id=home.locale_id,
                draft_title=f"Document {position}",
            )
        )
        if len(batch) == 5000:
            created = Page.objects.bulk_create(batch)
            first_id = first_id or created[0].pk
            batch = []
    if batch:
        created = Page.objects.bulk_create(batch)
        first_id = first_id or created[0].pk
    return first_id


def percentiles(samples):
    ordered = sorted(samples)

    def at(fraction):
        return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))] * 1000

    return at(0.50), at(0.95), at(0.99)


class QueryTimeout(Exception):
    pass


def with_timeout(run_one, seconds):
    """Stop a database query after `seconds` (SQLite: interrupt; PostgreSQL: statement_timeout)."""

    def run(text_query, filters):
        connection.ensure_connection()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET statement_timeout = %s", [int(seconds * 1000)])
            timer = None
        else:
            timer = threading.Timer(seconds, connection.connection.interrupt)
            timer.start()
        try:
            return run_one(text_query, filters)
        except DatabaseError as error:
            raise QueryTimeout(str(error)) from error
        finally:
            if timer:
                timer.cancel()
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")

    return run


def time_queries(run_one, rounds, budget):
    """Latencies of the fixed queries: one warm-up round, then `rounds` rounds or until `budget` seconds pass."""
    samples, three_facet_samples, timeouts = [], [], 0
    deadline = time.perf_counter() + budget
    for round_number in range(rounds + 1):
        for text_query, filters in QUERIES:
            if time.perf_counter() > deadline:
                return samples, three_facet_samples, timeouts
            started = time.perf_counter()
            try:
                run_one(text_query, filters)
            except QueryTimeout:
                timeouts += 1
                continue
            elapsed = time.perf_counter() - started
            if round_number == 0 and rounds > 1:
                continue  # warm-up
            samples.append(elapsed)
            if len(filters) >= 3:
                three_facet_samples.append(elapsed)
    return samples, three_facet_samples, timeouts


def portal_engine_query(engine):
    def run(text_query, filters):
        # The search page's real request: it always keeps to the visitor's language.
        request_filters = {**filters, "language": ["nl"]}
        response = engine.search(
            SearchRequest(query=parse_query(text_query), filters=request_filters, page=1, page_size=10)
        )
        return response.total

    return run


def portal_hybrid_query(engine):
    """The search page's hybrid request for a Dutch visitor (search.service._search_and_nearest): the query
    embedded, the lexical search and the nearest documents within the same filters (one round trip to
    Elasticsearch), fused."""

    def run(text_query, filters):
        request_filters = {**filters, "language": ["nl"]}
        vector = embeddings.embed_query(text_query)
        request = SearchRequest(query=parse_query(text_query), filters=request_filters, page=1, page_size=10)
        response, neighbours = engine.search_and_nearest(
            request, dataclasses.replace(request, page_size=embeddings.NEAREST), vector, embeddings.NEAREST * 2
        )
        joining = embeddings.joining(neighbours, "nl", {hit.id for hit in response.hits}, response.total)
        embeddings.fuse(response.hits, joining)
        return response.total

    return run


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def add_composed_embeddings(documents):
    """Passages as search.embeddings cuts them, each with the normalised sum of its sentences' embeddings
    (see the module's description)."""
    known = {}

    def sentence_vector(sentence):
        if sentence not in known:
            known[sentence] = embeddings.embed([sentence])[0]
        return known[sentence]

    for document in documents:
        title = re.sub(r" \(\d+\)$", "", document["title"])
        pieces = embeddings.passages(document["title"], document["body"])
        vectors = [sentence_vector(title)]
        for piece in pieces[1:]:
            total = sum(sentence_vector(sentence) for sentence in _SENTENCE_END.split(piece) if sentence)
            vectors.append(total / numpy.linalg.norm(total))
        document["passages"], document["vectors"] = pieces, numpy.stack(vectors)
    return documents


def wagtail_stock_query(text_query, filters):
    backend = get_search_backend()
    queryset = BenchmarkDocument.objects.all()
    if "type" in filters:
        queryset = queryset.filter(type__in=filters["type"])
    if "province" in filters:
        queryset = queryset.filter(province__in=filters["province"])
    if "themes" in filters:
        queryset = queryset.filter(theme__in=filters["themes"])
    results = backend.search(text_query, queryset)
    list(results[:10])
    return results.count()


def index_wagtail_stock(documents):
    backend = get_search_backend()
    started = time.perf_counter()
    batch = []
    for document in documents:
        batch.append(
            BenchmarkDocument(
                title=document["title"],
                body=document["body"],
                type=document["type"],
                theme=document["themes"][0],
                province=(document["province"] or [""])[0],
                year=document["year"][0],
            )
        )
        if len(batch) == 5000:
            backend.add_bulk(BenchmarkDocument, BenchmarkDocument.objects.bulk_create(batch))
            batch = []
    if batch:
        backend.add_bulk(BenchmarkDocument, BenchmarkDocument.objects.bulk_create(batch))
    return time.perf_counter() - started


def describe_machine():
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().splitlines()[0].split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    system = f"{platform.system()} {platform.release()}"
    return (
        f"{os.cpu_count()} CPU ({cpu}){memory}, {system}, Python {platform.python_version()}, "
        f"database {connection.vendor}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=10, help=f"times each of the {len(QUERIES)} queries runs")
    parser.add_argument("--engines", default="elasticsearch,database,wagtail")
    parser.add_argument("--budget", type=float, default=300, help="seconds of querying per engine and size at most")
    parser.add_argument("--timeout", type=float, default=60, help="a database query slower than this is stopped")
    parser.add_argument("--hybrid", action="store_true", help="also time the hybrid request (search by meaning)")
    arguments = parser.parse_args()
    wanted = arguments.engines.split(",")
    url = os.environ.get("ELASTICSEARCH_URL")
    if "elasticsearch" in wanted and not url:
        print("ELASTICSEARCH_URL is not set: skipping the Elasticsearch engine", file=sys.stderr)
        wanted.remove("elasticsearch")

    print(f"Machine: {describe_machine()}")
    print(
        f"Queries: {len(QUERIES)} fixed queries x {arguments.rounds} rounds after one warm-up round, "
        f"at most {arguments.budget:.0f} s per engine; database queries stopped after {arguments.timeout:.0f} s\n"
    )
    print(
        "| documents | engine | prepare (s) | index (s) | queries timed | p50 (ms) | p95 (ms) | p99 (ms) | p95 with 3 "
        "facets (ms) |"
    )
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|")
    for size in arguments.sizes:
        fresh_database()
        first_id = create_pages(size)
        # Prepared once and kept, so each engine's index time is its own (not a difference of two timings).
        started = time.perf_counter()
        prepared = list(generate(size, first_id))
        if arguments.hybrid:
            add_composed_embeddings(prepared)
        prepare = time.perf_counter() - started

        def report(name, index_seconds, samples, three_facets, timeouts, prepare_seconds=prepare, size=size):
            timed = f"{len(samples)}" + (f" (+{timeouts} stopped)" if timeouts else "")
            if not samples:
                print(
                    f"| {size:,} | {name} | {prepare_seconds:.1f} | {index_seconds:.1f} | {timed} | – | – | – | – |",
                    flush=True,
                )
                return
            p50, p95, p99 = percentiles(samples)
            facets = f"{percentiles(three_facets)[1]:.1f}" if three_facets else "–"
            print(
                f"| {size:,} | {name} | {prepare_seconds:.1f} | {index_seconds:.1f} | {timed} "
                f"| {p50:.1f} | {p95:.1f} | {p99:.1f} | {facets} |",
                flush=True,
            )

        if "elasticsearch" in wanted:
            engine = ElasticsearchEngine(url, "benchmark")
            engine.delete_all()
            started = time.perf_counter()
            engine.rebuild(iter(prepared))
            index_seconds = time.perf_counter() - started
            report(
                "portal, Elasticsearch",
                index_seconds,
                *time_queries(portal_engine_query(engine), arguments.rounds, arguments.budget),
            )
            if arguments.hybrid:
                report(
                    "portal, Elasticsearch, hybrid",
                    index_seconds,
                    *time_queries(portal_hybrid_query(engine), arguments.rounds, arguments.budget),
                )
            engine.delete_all()
        if "database" in wanted:
            engine = DatabaseEngine()
            started = time.perf_counter()
            engine.rebuild(iter(prepared))
            index_seconds = time.perf_counter() - started
            report(
                f"portal, database ({connection.vendor})",
                index_seconds,
                *time_queries(
                    with_timeout(portal_engine_query(engine), arguments.timeout), arguments.rounds, arguments.budget
                ),
            )
            if arguments.hybrid:
                report(
                    f"portal, database ({connection.vendor}), hybrid",
                    index_seconds,
                    *time_queries(
                        with_timeout(portal_hybrid_query(engine), arguments.timeout), arguments.rounds, arguments.budget
                    ),
                )
        if "wagtail" in wanted:
            index_seconds = index_wagtail_stock(prepared)
            report(
                f"Wagtail stock search ({connection.vendor})",
                index_seconds,
                *time_queries(with_timeout(wagtail_stock_query, arguments.timeout), arguments.rounds, arguments.budget),
            )


if __name__ == "__main__":
    main()
