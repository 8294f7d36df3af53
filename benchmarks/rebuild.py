"""Rebuilding the search index from real pages: `rebuild_search_index` on the demo site plus generated pages.

    .venv/bin/python benchmarks/rebuild.py                                  # 10,000 pages, SQLite, database engine
    DATABASE_URL=postgres://portal:portal@127.0.0.1:55499/bench ELASTICSEARCH_URL=http://127.0.0.1:59250 \\
        .venv/bin/python benchmarks/rebuild.py --pages 10000                # PostgreSQL, both engines

It loads the demo content into a throw-away database (benchmarks/settings.py: a temporary SQLite file, or
the DATABASE_URL database, which it empties: never point it at a real one), adds `--pages` case studies,
modules and guidance pages with several paragraphs of Dutch text each, themes, audiences, tags and
municipalities (inserted in bulk, like real published pages without their revisions), and runs the
command as an operator would. It reports pages per second, queries per page (counted by the command) and
the time 100,000 pages would take at that rate; `--runs` repeats the rebuild and reports each. The first
run embeds every passage (search by meaning); a later one finds them stored (search.models.PassageEmbedding)
and embeds only what changed, as a rebuild of a running portal does: the table says how many were stored
before each run.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "benchmarks.settings")
for _name in ("DEMO_EDITOR_PASSWORD", "DEMO_TRAINER_PASSWORD", "DEMO_STAFF_PASSWORD"):
    os.environ.setdefault(_name, "benchmark-only-password")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from benchmarks.pages import add_generated_pages  # noqa: E402
from benchmarks.search import describe_machine, fresh_database  # noqa: E402
from search import engines  # noqa: E402


def rebuild():
    output = io.StringIO()
    started = time.perf_counter()
    call_command("rebuild_search_index", stdout=output)
    return time.perf_counter() - started, output.getvalue().strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    options = parser.parse_args()

    print(describe_machine(), flush=True)
    print(f"Engines: {', '.join(engine.name for engine in engines.writable_engines())}", flush=True)
    fresh_database()
    call_command("load_demo_content", stdout=io.StringIO())
    add_generated_pages(options.pages)
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gt=2).count()
    print(f"{pages} live, public pages (the demo's plus {options.pages} generated)\n", flush=True)
    from search.models import PassageEmbedding

    print(
        "| run | pages | passage embeddings stored before | seconds | pages/s | projected 100,000 pages (min) "
        "| command's report |"
    )
    print("|---:|---:|---:|---:|---:|---:|---|")
    for run in range(1, options.runs + 1):
        stored = PassageEmbedding.objects.count()
        seconds, report = rebuild()
        rate = pages / seconds
        print(
            f"| {run} | {pages} | {stored:,} | {seconds:.1f} | {rate:.0f} | {100_000 / rate / 60:.1f} | {report} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
