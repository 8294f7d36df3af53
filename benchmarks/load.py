"""Load check: mixed public traffic from N concurrent users against gunicorn on loopback, bounded in time.

    .venv/bin/python benchmarks/load.py                      # 50 users, 60 s, SQLite demo site
    .venv/bin/python benchmarks/load.py --database-url postgres://...  --users 50 --seconds 60

It builds a throwaway site (migrate, demo content, search index, collectstatic) with the production
settings, starts gunicorn on 127.0.0.1, lets every user walk the public pages (home, theme, audience,
overviews with filters, module, case study, guidance, event, search, suggestions, course paths, feeds,
sitemap, 404) without pause, and reports requests, errors and latency percentiles per page type.
Exit status 1 when any request failed (a 5xx, a timeout, a refused connection or an unexpected status).
The search rate limits are lifted for the run: all users share one address.
"""

import argparse
import collections
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable

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


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_environment(workdir, database_url, port, workers):
    environment = dict(os.environ)
    environment.update({
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'load.sqlite3'}",
        "VAR_DIR": str(workdir),
        "STATIC_ROOT": str(workdir / "static"),
        "SEARCH_RATE_LIMIT_PER_MINUTE": "100000000",
        "SUGGEST_RATE_LIMIT_PER_MINUTE": "100000000",
        "DEMO_EDITOR_PASSWORD": secrets.token_urlsafe(16),
        "DEMO_TRAINER_PASSWORD": secrets.token_urlsafe(16),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_THREADS": "4",
    })
    return environment


def prepare(environment):
    for command in (["migrate", "--no-input"], ["load_demo_content"], ["rebuild_search_index"],
                    ["collectstatic", "--no-input"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=environment, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(base_url, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base_url}/healthz", timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise SystemExit("gunicorn did not come up")


def user(number, base_url, deadline, results, lock):
    step = number
    while time.monotonic() < deadline:
        page_type, path, expected = TRAFFIC[step % len(TRAFFIC)]
        step += 1
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(base_url + path, timeout=30) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            status = f"{type(error).__name__}"
        elapsed = time.perf_counter() - started
        with lock:
            results[page_type].append((status == expected, status, elapsed))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(results, seconds, users):
    total = sum(len(rows) for rows in results.values())
    errors = sum(1 for rows in results.values() for ok, _status, _elapsed in rows if not ok)
    print(f"\n{users} users, {seconds} s: {total} requests ({total / seconds:.0f}/s), {errors} errors\n")
    print(f"{'page type':<22}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
    for page_type, _path, _expected in TRAFFIC:
        rows = results.get(page_type, [])
        if not rows:
            continue
        times = [elapsed * 1000 for _ok, _status, elapsed in rows]
        failed = [status for ok, status, _elapsed in rows if not ok]
        print(f"{page_type:<22}{len(rows):>9}{len(failed):>8}{statistics.median(times):>9.0f}"
              f"{percentile(times, 0.95):>9.0f}{max(times):>9.0f}" + (f"  {collections.Counter(failed)}" if failed else ""))
    return errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=max(2, os.cpu_count() or 2))
    parser.add_argument("--database-url", help="an empty database to build the site in (default: a new SQLite file)")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="portal-load-") as workdir:
        port = free_port()
        environment = site_environment(Path(workdir), options.database_url, port, options.workers)
        print("Building the demo site ...", flush=True)
        prepare(environment)
        # The server's log goes to a file: a pipe nobody reads would fill up and stall gunicorn.
        server_log = open(Path(workdir) / "gunicorn.log", "w")
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
            cwd=ROOT, env=environment, stdout=server_log, stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base_url)
            print(f"gunicorn: {options.workers} workers x 4 threads on {base_url}; {options.users} users for "
                  f"{options.seconds} s ...", flush=True)
            results, lock = collections.defaultdict(list), threading.Lock()
            deadline = time.monotonic() + options.seconds
            threads = [threading.Thread(target=user, args=(n, base_url, deadline, results, lock)) for n in range(options.users)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
        finally:
            server.terminate()
            server.wait(timeout=30)
            server_log.close()
        errors = report(results, options.seconds, options.users)
        if errors:
            print("\nServer log (last lines):\n" + "".join(open(Path(workdir) / "gunicorn.log").readlines()[-30:]))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
