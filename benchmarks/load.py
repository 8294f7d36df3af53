"""Load check: mixed public traffic from N concurrent users through the production stack, bounded in time.

    .venv/bin/python benchmarks/load.py                      # 50 users, 60 s, 3 workers, SQLite demo site
    .venv/bin/python benchmarks/load.py --database-url postgres://...  --users 50 --seconds 60 --flood

It builds a throwaway site (migrate, demo content, search index, collectstatic) with the production
settings and serves it as production does (benchmarks/stack.py): nginx with TLS in front of gunicorn
(3 workers by default) sharing one Redis. Every user connects from its own loopback address (127.0.0.10,
.11, ...) and walks the public pages (home, theme, audience, overviews with filters, module, case study,
guidance, event, search, suggestions, course paths, feeds, sitemap, 404) without pause, under the
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


def report(results, seconds, users, flood_statuses=None):
    total = sum(len(rows) for rows in results.values())
    errors = sum(1 for rows in results.values() for ok, _status, _elapsed in rows if not ok)
    limited = sum(1 for rows in results.values() for _ok, status, _elapsed in rows if status == 429)
    print(
        f"\n{users} users, {seconds} s: {total} requests ({total / seconds:.0f}/s), {errors} errors "
        f"({limited} of them 429)\n"
    )
    print(f"{'page type':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for page_type, _path, _expected in TRAFFIC:
        rows = results.get(page_type, [])
        if not rows:
            continue
        times = [elapsed * 1000 for _ok, _status, elapsed in rows]
        failed = [status for ok, status, _elapsed in rows if not ok]
        print(
            f"{page_type:<22}{len(rows):>9}{len(failed):>8}{statistics.median(times):>9.0f}"
            f"{percentile(times, 0.95):>9.0f}{max(times):>9.0f}"
            + (f"  {collections.Counter(failed)}" if failed else "")
        )
    if flood_statuses is not None:
        flooded = sum(flood_statuses.values())
        print(
            f"\nflooding client {FLOOD_ADDRESS} ({FLOOD_CONNECTIONS} connections): {flooded} searches, "
            f"{flood_statuses.get(200, 0)} answered, {flood_statuses.get(429, 0)} refused with 429, "
            f"other: {dict((key, value) for key, value in flood_statuses.items() if key not in (200, 429))}"
        )
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database-url", help="an empty PostgreSQL database to build the site in (default: SQLite)")
    parser.add_argument("--redis-url", help="a Redis to share (default: an own redis-server on a free port)")
    parser.add_argument("--flood", action="store_true", help="one more client searching nonstop from its own address")
    options = parser.parse_args()

    workdir = tempfile.mkdtemp(prefix="portal-load-")  # under /tmp: nginx's workers must be able to read it
    stack = Stack(
        workdir,
        database_url=options.database_url,
        redis_url=options.redis_url,
        workers=options.workers,
        threads=options.threads,
    )
    print("Building the demo site ...", flush=True)
    stack.build()
    stack.start()
    try:
        print(
            f"nginx (TLS) -> gunicorn {options.workers} workers x {options.threads} threads, Redis; "
            f"{options.users} users for {options.seconds} s{' + a flooding client' if options.flood else ''} ...",
            flush=True,
        )
        results, flood_statuses, lock = collections.defaultdict(list), collections.Counter(), threading.Lock()
        deadline = time.monotonic() + options.seconds
        threads = [
            threading.Thread(target=user, args=(n, stack, deadline, results, lock)) for n in range(options.users)
        ]
        if options.flood:
            threads += [
                threading.Thread(target=flood, args=(stack, deadline, flood_statuses, lock))
                for _ in range(FLOOD_CONNECTIONS)
            ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        stack.stop()
    errors = report(results, options.seconds, options.users, flood_statuses if options.flood else None)
    if errors:
        print("\nServer logs (last lines):\n" + stack.logs(30))
    shutil.rmtree(workdir, ignore_errors=True)
    if options.flood and flood_statuses.get(429, 0) == 0:
        print("\nThe flooding client was never limited.")
        errors += 1
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
