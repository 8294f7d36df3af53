"""The benchmarks run as committed: each at a tiny size, so a change that breaks one fails here, not on the day
someone measures. (Timings are not asserted: those belong in benchmarks/README.md, measured on purpose.)"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Their own throw-away SQLite file and index prefix: independent of the test database. One module, so one
# worker runs them one after the other (they share that file).
pytestmark = [pytest.mark.once, pytest.mark.slow]


def run(*arguments, elasticsearch=False):
    environment = {**os.environ}
    environment.pop("DATABASE_URL", None)
    environment.pop("DJANGO_SETTINGS_MODULE", None)  # the benchmarks' own (benchmarks/settings.py)
    if not elasticsearch:
        environment.pop("ELASTICSEARCH_URL", None)
    return subprocess.run(
        [sys.executable, *arguments], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600
    )


def table_rows(output):
    return [line for line in output.splitlines() if line.startswith("| ") and not line.startswith("| ---")]


def test_search_benchmark_measures_the_search_page_request():
    # With ELASTICSEARCH_URL (CI) the Elasticsearch row too, in indexes of its own ("benchmark_pages_*").
    result = run("benchmarks/search.py", "--sizes", "200", "--rounds", "1", elasticsearch=True)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = table_rows(result.stdout)
    engines = {row.split("|")[2].strip() for row in rows[1:]}
    assert {"portal, database (sqlite)", "Wagtail stock search (sqlite)"} <= engines, result.stdout
    if os.environ.get("ELASTICSEARCH_URL"):
        assert "portal, Elasticsearch" in engines
    for row in rows[1:]:
        cells = [cell.strip() for cell in row.split("|")[1:-1]]
        assert float(cells[3]) >= 0 and cells[4] == "20", row  # index time, 10 queries x (warm-up + 1 round)


def test_rebuild_benchmark_rebuilds_real_pages():
    result = run("benchmarks/rebuild.py", "--pages", "200")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "documents indexed in" in result.stdout and "queries per page" in result.stdout, result.stdout
