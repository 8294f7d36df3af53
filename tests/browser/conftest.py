"""Real-browser tests: Playwright's Python API driving Debian's Chromium (no browser download).

Without Chromium these tests skip, so `make test` works on a machine with only Python; CI sets
BROWSER_TESTS=required, and then a missing or broken browser fails the run instead.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
REQUIRED = os.environ.get("BROWSER_TESTS") == "required"
OUTPUT_DIR = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
# Flags for a closed network: without them Chromium keeps trying to reach Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.ui)
    if CHROMIUM or REQUIRED:
        return
    skip = pytest.mark.skip(reason="Chromium is not installed (apt-get install chromium); CI runs these tests")
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture
def browser():
    # Per test, not per session: while Playwright's sync API is open its event loop sits on this
    # thread, and Django refuses ORM calls from there (other tests' included).
    if not CHROMIUM:
        pytest.fail("BROWSER_TESTS=required but no Chromium was found (set CHROMIUM_PATH or install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="session", autouse=True)
def one_request_at_a_time_on_sqlite():
    """On SQLite the live server's threads share the test database's one in-memory connection, and two requests
    at once (the admin's editing-session ping beside a preview) fail with "database table is locked" where the
    file database of `make run` would wait. There the server takes one request at a time (Django then closes
    each connection, so the browser does not hold it); on PostgreSQL it stays threaded, as in production."""
    from django.conf import settings
    from django.core.servers.basehttp import WSGIServer
    from django.test.testcases import LiveServerThread

    class SerialWSGIServer(WSGIServer):
        def __init__(self, *args, connections_override=None, **kwargs):
            super().__init__(*args, **kwargs)  # the serving thread already uses the overridden connections

    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3":
        yield
        return
    threaded = LiveServerThread.server_class
    LiveServerThread.server_class = SerialWSGIServer
    yield
    LiveServerThread.server_class = threaded


@pytest.fixture(autouse=True)
def allow_orm_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; Django's async guard would refuse the
    # test's own ORM calls. Only for the browser tests, so it never leaks into other processes.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


GALLERY_DIR = OUTPUT_DIR.parent / "gallery"
GALLERY = os.environ.get("SCREENSHOT_GALLERY") == "1"  # `make screenshots` sets it; CI need not encode them


@pytest.fixture
def screenshot():
    OUTPUT_DIR.mkdir(parents=True, exist_ok=True)
    GALLERY_DIR.mkdir(parents=True, exist_ok=True)

    def take(page, name, gallery=False):
        page.screenshot(path=str(OUTPUT_DIR / f"{name}.png"), full_page=True)
        if gallery and GALLERY:  # small enough to commit (docs/screenshots/, scripts/screenshot_gallery.py)
            size = page.viewport_size
            height = min(page.evaluate("document.documentElement.scrollHeight"), 2 * size["height"])
            clip = {"x": 0, "y": 0, "width": size["width"], "height": height}
            page.screenshot(path=str(GALLERY_DIR / f"{name}.jpg"), full_page=True, clip=clip, type="jpeg", quality=50)

    return take
