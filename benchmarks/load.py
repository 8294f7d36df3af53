"""Load check: mixed public traffic from N concurrent users through the production stack, bounded in time.

    .venv/bin/python benchmarks/load.py                      # 50 users, 60 s, 3 workers, SQLite demo site
    .venv/bin/python benchmarks/load.py --database-url postgres://...  --users 50 --seconds 60 --flood
    .venv/bin/python benchmarks/load.py --database-url postgres://... --elasticsearch-url http://... \
        --extra-pages 10000                                  # the 100,000-page work's measurement (issue 19)

It builds a throwaway site (migrate, demo content, optionally --extra-pages generated pages, search index,
collectstatic) with the production settings and serves it as production does (benchmarks/stack.py): nginx
with TLS in front of gunicorn (3 workers x 2 threads by default) sharing one Redis. By default it runs the
traffic twice, without and then with the page cache for anonymous visitors (PAGE_CACHE_SECONDS 0, then
300; gunicorn restarted in between, nginx and Redis kept), and prints both runs side by side in one table.
Every user connects from its own loopback address (127.0.0.10, .11, ...) and walks the public pages (home,
theme, audience, overviews with filters, module, case study, guidance, event, search, suggestions, course
paths, tag page, API, feeds, sitemap, 404) without pause, under the
production rate limits. With --flood one more client (127.0.0.250, sixteen connections) searches nonstop:
it should get 429s, and nobody else should. Reports requests, errors and latency percentiles per page
type. Exit status 1 when any user's request failed (a 5xx, a 429, a timeout, a refused connection or an
unexpected status).
"""

import argparse
import collections
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.stack import Stack, session_from  # noqa: E402

# Sixteen connections: a scraper outpaces the users even when the server is saturated and every request waits.
FLOOD_ADDRESS, FLOOD_CONNECTIONS = "127.0.0.250", 16

# (page type, path, expected status); every user walks this list from a different starting point.
TRAFFIC = [
    ("home", "/", 200),
    ("theme", "/polarisatie/", 200),
    ("audience", "/ik-ben-bestuurder/", 200),
    ("module overview", "/curriculum/?thema=polarisatie&niveau=basis", 200),
    ("module", "/curriculum/polarisatie-herkennen/", 200),
    ("case study overview", "/praktijkvoorbeelden/?provincie=utrecht&pagina=1", 200),
    ("case study", "/praktijkvoorbeelden/wijkteams-signaleren-spanningen/", 200),
    ("guidance", "/handreikingen/factsheet-polarisatie/", 200),
    ("event", "/bijeenkomsten/samen-voor-sociale-stabiliteit/", 200),
    ("search", "/zoeken/?q=polarisatie", 200),
    ("search with facets", "/zoeken/?q=samenwerking&soort=module&thema=polarisatie", 200),
    ("suggestions", "/zoeken/suggesties/?q=pola", 200),
    ("course paths", "/leerlijnen/", 200),
    ("tag page", "/trefwoorden/polarisatie/", 200),
    ("api", "/api/v1/case-studies?thema=polarisatie", 200),
    ("english page", "/en/polarisatie/", 200),
    ("feed", "/feeds/modules/", 200),
    ("sitemap", "/sitemap.xml", 200),
    ("not found", "/bestaat-niet/", 404),
]


def fetch(session, url):
    import requests

    try:
        response = session.get(url, timeout=30, allow_redirects=False)
        return response.status_code
    except requests.RequestException as error:
        return type(error).__name__


def user(number, stack, deadline, results, lock):
    session = session_from(f"127.0.0.{10 + number}", stack.certificate)
    step = number
    while time.monotonic() < deadline:
        page_type, path, expected = TRAFFIC[step % len(TRAFFIC)]
        step += 1
        started = time.perf_counter()
        status = fetch(session, stack.base_url + path)
        elapsed = time.perf_counter() - started
        with lock:
            results[page_type].append((status == expected, status, elapsed))


def flood(stack, deadline, statuses, lock):
    session = session_from(FLOOD_ADDRESS, stack.certificate)
    number = 0
    while time.monotonic() < deadline:
        number += 1
        status = fetch(session, f"{stack.base_url}/zoeken/?q=polarisatie+{number}")
        with lock:
            statuses[status] += 1


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summary(results, seconds):
    rows = [row for page_rows in results.values() for row in page_rows]
    times = [elapsed * 1000 for _ok, _status, elapsed in rows]
    return {
        "requests": len(rows),
        "per_second": len(rows) / seconds,
        "errors": sum(1 for ok, _status, _elapsed in rows if not ok),
        "limited": sum(1 for _ok, status, _elapsed in rows if status == 429),
        "p50": statistics.median(times) if times else 0,
        "p95": percentile(times, 0.95) if times else 0,
    }


def report(runs, seconds, users, flood_statuses=None):
    """One table for every run (name -> results), side by side: totals, then each page type."""
    names = list(runs)
    totals = {name: summary(results, seconds) for name, results in runs.items()}
    print(f"\n{users} users, {seconds} s per run\n")
    print("| | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for label, key, form in (
        ("requests", "requests", "{:.0f}"),
        ("requests/s", "per_second", "{:.1f}"),
        ("errors (429s)", "errors", "{:.0f}"),
        ("p50 ms, all pages", "p50", "{:.0f}"),
        ("p95 ms, all pages", "p95", "{:.0f}"),
    ):
        cells = [
            form.format(totals[name][key]) + (f" ({totals[name]['limited']})" if key == "errors" else "")
            for name in names
        ]
        print(f"| {label} | " + " | ".join(cells) + " |")
    if len(names) > 1:
        base = totals[names[0]]["per_second"] or 1
        print(
            "| throughput, relative to the first | "
            + " | ".join(f"{totals[n]['per_second'] / base:.2f}x" for n in names)
            + " |"
        )
    print("\np50 / p95 ms per page type (errors):\n")
    print("| page type | " + " | ".join(names) + " |")
    print("|---|" + "---:|" * len(names))
    for page_type, _path, _expected in TRAFFIC:
        cells = []
        for name in names:
            rows = runs[name].get(page_type, [])
            if not rows:
                cells.append("–")
                continue
            times = [elapsed * 1000 for _ok, _status, elapsed in rows]
            failed = [status for ok, status, _elapsed in rows if not ok]
            cells.append(
                f"{statistics.median(times):.0f} / {percentile(times, 0.95):.0f}"
                + (f" ({len(failed)}: {dict(collections.Counter(failed))})" if failed else "")
            )
        print(f"| {page_type} | " + " | ".join(cells) + " |")
    errors = sum(total["errors"] for total in totals.values())
    if flood_statuses is not None:
        flooded = sum(flood_statuses.values())
        print(
            f"\nflooding client {FLOOD_ADDRESS} ({FLOOD_CONNECTIONS} connections): {flooded} searches, "
            f"{flood_statuses.get(200, 0)} answered, {flood_statuses.get(429, 0)} refused with 429, "
            f"other: {dict((key, value) for key, value in flood_statuses.items() if key not in (200, 429))}"
        )
    return errors


def traffic(stack, users, seconds, flood_on):
    results, flood_statuses, lock = collections.defaultdict(list), collections.Counter(), threading.Lock()
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=user, args=(n, stack, deadline, results, lock)) for n in range(users)]
    if flood_on:
        threads += [
            threading.Thread(target=flood, args=(stack, deadline, flood_statuses, lock))
            for _ in range(FLOOD_CONNECTIONS)
        ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, flood_statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--database-url", help="an empty PostgreSQL database to build the site in (default: SQLite)")
    parser.add_argument("--redis-url", help="a Redis to share (default: an own redis-server on a free port)")
    parser.add_argument("--flood", action="store_true", help="one more client searching nonstop from its own address")
    parser.add_argument(
        "--elasticsearch-url", help="search with this Elasticsearch node (default: the database engine)"
    )
    parser.add_argument("--extra-pages", type=int, default=0, help="generated pages added to the demo content")
    parser.add_argument(
        "--page-cache",
        choices=("off", "on", "both"),
        default="both",
        help="the anonymous page cache (PAGE_CACHE_SECONDS); both: a run without, then one with it, one table",
    )
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="portal-load-")  # under /tmp: nginx's workers must be able to read it
    stack = Stack(
        workdir,
        database_url=options.database_url,
        redis_url=options.redis_url,
        workers=options.workers,
        threads=options.threads,
        elasticsearch_url=options.elasticsearch_url,
        extra_pages=options.extra_pages,
    )
    extra = f" + {options.extra_pages:,} generated pages" if options.extra_pages else ""
    print(f"Building the demo site{extra} ...", flush=True)
    started = time.monotonic()
    stack.build()
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)
    settings = {"off": ["0"], "on": ["300"], "both": ["0", "300"]}[options.page_cache]
    stack.extra_settings["PAGE_CACHE_SECONDS"] = settings[0]
    stack.start()
    runs, flood_statuses = {}, collections.Counter()
    try:
        for seconds_cached in settings:
            if seconds_cached != stack.extra_settings["PAGE_CACHE_SECONDS"]:
                stack.restart_gunicorn(PAGE_CACHE_SECONDS=seconds_cached)
            name = "page cache off" if seconds_cached == "0" else "page cache on"
            print(
                f"{name}: nginx (TLS) -> gunicorn {options.workers} workers x {options.threads} threads, Redis, "
                f"{'Elasticsearch' if options.elasticsearch_url else 'database search'}, "
                f"{stack.database_url.split(':')[0]}; {options.users} users for {options.seconds} s"
                f"{' + a flooding client' if options.flood else ''} ...",
                flush=True,
            )
            runs[name], flooded = traffic(stack, options.users, options.seconds, options.flood)
            flood_statuses.update(flooded)
    finally:
        stack.stop()
    errors = report(runs, options.seconds, options.users, flood_statuses if options.flood else None)
    if errors:
        print("\nServer logs (last lines):\n" + stack.logs(30))
    shutil.rmtree(workdir, ignore_errors=True)
    if options.flood and flood_statuses.get(429, 0) == 0:
        print("\nThe flooding client was never limited.")
        errors += 1
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
