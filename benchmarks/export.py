"""Memory of the streaming exports: peak Python memory while exporting 1,000 and 10,000 case studies.

The export (`/api/v1/case-studies/export.csv` and `export.json`) walks the selection in chunks of 500 with their
prefetches and writes each row as it goes, so its peak should hardly grow with the number of rows.
For contrast the benchmark also measures building the same JSON in one piece ("in memory").

    .venv/bin/python benchmarks/export.py                 # 1,000 and 10,000 rows on a throw-away SQLite file
    .venv/bin/python benchmarks/export.py --sizes 1000    # a quick look

The case studies are written straight into the tables (bulk inserts of the page rows and the case-study
rows, themes and tags), which takes seconds instead of the minutes Wagtail's add_child would need;
the database is the throw-away one of benchmarks/settings.py.
"""

import argparse
import gc
import json
import os
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from taggit.models import Tag  # noqa: E402
from wagtail.models import Site  # noqa: E402

from api import views  # noqa: E402
from api.resources import page_queryset  # noqa: E402
from benchmarks.pages import bulk_child_pages  # noqa: E402
from benchmarks.search import describe_machine, fresh_database  # noqa: E402
from knowledge.listings import CASE_STUDIES  # noqa: E402
from knowledge.models import CaseStudyIndexPage, CaseStudyPage, Municipality  # noqa: E402
from portal.models import Theme  # noqa: E402

BATCH = 2000


def create_case_studies(count):
    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=CaseStudyIndexPage(title="Praktijkvoorbeelden", slug="praktijkvoorbeelden"))
    municipality = Municipality.objects.create(
        cbs_code="GM0307", name="Amersfoort", province="Utrecht", inhabitants=161000
    )
    themes = list(Theme.objects.all())
    tags = [Tag.objects.create(name=f"trefwoord {n}", slug=f"trefwoord-{n}") for n in range(20)]
    for start in range(0, count, BATCH):
        bulk_child_pages(
            index,
            CaseStudyPage,
            min(BATCH, count - start),
            fields=lambda n: {
                "intro": f"Samenvatting van voorbeeld {n}.",
                "municipality": municipality,
                "start_year": 2020 + n % 6,
                "challenge": "<p>De opgave.</p>",
                "approach": "<p>De aanpak.</p>",
                "evidence_level": "beschreven",
                "partners": "Gemeente\nPolitie",
            },
            relations=lambda n: {"themes": [themes[n % len(themes)]]},
            tags=lambda n: [tags[n % 20]],
        )


def measure(run):
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    size = run()
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak, seconds, size


def streamed_export(file_format):
    def run():
        request = RequestFactory().get(f"/api/v1/case-studies/export.{file_format}", HTTP_HOST="localhost")
        response = views.export(request, CASE_STUDIES, file_format)
        return sum(len(chunk) for chunk in response.streaming_content)

    return run


def in_memory_json():
    request = RequestFactory().get("/api/v1/case-studies", HTTP_HOST="localhost")
    queryset, _ignored = page_queryset(CASE_STUDIES, request.GET)
    return len(json.dumps([CASE_STUDIES.represent(page, request) for page in queryset], ensure_ascii=False))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    arguments = parser.parse_args()
    print(f"Machine: {describe_machine()}")
    print("| rows | export | peak memory (MiB) | time (s) | output (MiB) |")
    print("|---:|---|---:|---:|---:|")
    for size in [int(value) for value in arguments.sizes.split(",")]:
        fresh_database()
        create_case_studies(size)
        streamed_export("csv")()  # once untimed: imports, URL resolvers and site caches are not the export's cost
        for name, run in (
            ("CSV, streamed", streamed_export("csv")),
            ("JSON, streamed", streamed_export("json")),
            ("JSON built in memory (for contrast)", in_memory_json),
        ):
            connection.queries_log.clear()
            peak, seconds, output = measure(run)
            print(f"| {size:,} | {name} | {peak / 2**20:.1f} | {seconds:.1f} | {output / 2**20:.1f} |", flush=True)


if __name__ == "__main__":
    main()
