"""The production stack as it runs: nginx (TLS, static, media) in front of three gunicorn workers that share
Redis, on this run's database (SQLite or PostgreSQL). CI installs nginx and redis-server and sets
PRODUCTION_STACK_CHECK=required; elsewhere these tests skip when nginx is missing."""

import json
import os
import shutil
import sqlite3
import tempfile
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.stack import Stack, missing_tools, session_from, wait_for

pytestmark = [
    pytest.mark.slow,
    # The stack starts from a copy of the test database (on SQLite): ask pytest-django to create it even when
    # this module runs alone.
    pytest.mark.django_db,
    pytest.mark.skipif(
        os.environ.get("PRODUCTION_STACK_CHECK") != "required" and bool(missing_tools()),
        reason="nginx and openssl are needed (CI installs them)",
    ),
]
SEARCH_LIMIT, LOGIN_LIMIT = 20, 5
EDITOR, PASSWORD = "stack-redacteur", "stack-password-for-tests-123"
FIXTURES = f"""
import io, json
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image as Picture
from wagtail.documents.models import Document
from wagtail.images.models import Image
from knowledge.attachments import submissions_collection

buffer = io.BytesIO()
Picture.new("RGB", (120, 90), (200, 40, 40)).save(buffer, "PNG")
image = Image.objects.create(title="Bord", file=ImageFile(buffer, name="bord.png"))
rendition = image.get_rendition("fill-80x60")
public = Document.objects.create(title="Openbaar", file=ContentFile(b"%PDF-1.4 openbaar", name="openbaar.pdf"))
private = Document.objects.create(title="Ingezonden", file=ContentFile(b"%PDF-1.4 ingezonden", name="ingezonden.pdf"),
                                  collection=submissions_collection())
get_user_model().objects.create_superuser("{EDITOR}", "stack@example.org", "{PASSWORD}")
print(json.dumps({{"rendition": rendition.url, "public": public.url, "private": private.url,
                  "private_file": private.file.url}}))
"""


def own_database(base_url):
    """A database of its own for the stack: PostgreSQL when this run uses it, else a SQLite file."""
    if not base_url or not base_url.startswith("postgres"):
        return None, None
    import secrets

    import psycopg2

    name = f"stack_{secrets.token_hex(4)}"
    admin = psycopg2.connect(base_url)
    admin.autocommit = True
    admin.cursor().execute(f'CREATE DATABASE "{name}"')
    parts = urllib.parse.urlsplit(base_url)
    return parts._replace(path=f"/{name}").geturl(), (admin, name)


def copy_of_the_test_database(path, django_db_blocker):
    """This run's SQLite test database (migrated, with the migrations' data) as a file for the stack: its
    own `migrate` then has nothing to do, where migrating a new file costs some twenty seconds."""
    from django.db import connection

    from tests.conftest import restore_migration_data

    with django_db_blocker.unblock():
        restore_migration_data()  # a transactional test before this module may have emptied it
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    return f"sqlite:///{path}"


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    database_url, cleanup = own_database(os.environ.get("DATABASE_URL"))
    fixtures = {}

    def create_fixtures(stack):
        fixtures.update(json.loads(stack.manage("shell", "-c", FIXTURES).stdout.strip().splitlines()[-1]))

    # Under /tmp itself: nginx's workers (nobody) cannot enter pytest's private temporary folders.
    workdir = tempfile.mkdtemp(prefix="portal-stack-")
    if database_url is None:
        os.chmod(workdir, 0o755)
        database_url = copy_of_the_test_database(os.path.join(workdir, "stack.sqlite3"), django_db_blocker)
    running = Stack(
        workdir,
        database_url=database_url,
        redis_url=os.environ.get("REDIS_URL"),
        workers=3,
        demo=False,
        background=True,
        after_migrate=create_fixtures,
        settings={
            "SEARCH_RATE_LIMIT_PER_MINUTE": SEARCH_LIMIT,
            "LOGIN_FAILURE_LIMIT": LOGIN_LIMIT,
            "CACHE_KEY_PREFIX": f"stack-{time.time_ns()}",
        },
    )
    try:
        with running:
            running.fixtures = fixtures
            yield running
    except Exception:
        print(running.logs())
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if cleanup:
            admin, name = cleanup
            admin.cursor().execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.close()


@pytest.fixture
def visitor(stack):
    return lambda number: session_from(f"127.0.0.{number}", stack.certificate)


def test_pages_are_https_only_with_hsts(stack, visitor):
    response = visitor(2).get(f"{stack.base_url}/zoeken/?q=polarisatie", allow_redirects=False)
    assert response.status_code == 200
    assert "max-age=31536000" in response.headers["Strict-Transport-Security"]
    plain = visitor(2).get(f"{stack.http_url}/zoeken/?q=polarisatie", allow_redirects=False)
    assert plain.status_code == 301 and plain.headers["Location"].startswith("https://")


def test_image_renditions_and_static_files_come_from_the_proxy(stack, visitor):
    image = visitor(2).get(stack.base_url + stack.fixtures["rendition"])
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")
    assert "max-age=31536000" in image.headers["Strict-Transport-Security"]
    css = visitor(2).get(f"{stack.base_url}/static/portal/vendor/utrecht/html.css")
    assert css.status_code == 200 and "Expires" in css.headers


def test_a_public_document_downloads(stack, visitor):
    response = visitor(2).get(stack.base_url + stack.fixtures["public"], allow_redirects=False)
    assert response.status_code == 200 and response.content == b"%PDF-1.4 openbaar"


def test_a_private_document_is_refused_through_the_portal_and_the_proxy(stack, visitor):
    response = visitor(2).get(stack.base_url + stack.fixtures["private"], allow_redirects=False)
    assert response.status_code == 302 and response.headers["Location"].startswith("/inloggen/")
    direct = visitor(2).get(stack.base_url + stack.fixtures["private_file"], allow_redirects=False)
    assert direct.status_code == 404 and b"ingezonden" not in direct.content


def outside_the_minute_boundary():
    # Limits count per clock minute; a burst split over two minutes would be counted twice.
    if time.time() % 60 > 45:
        time.sleep(61 - time.time() % 60)


def test_the_search_limit_counts_one_client_across_all_workers(stack, visitor):
    outside_the_minute_boundary()
    flooder = visitor(5)

    def search(number):
        # A new connection each time, several at once: the requests reach different gunicorn workers.
        return visitor(5).get(f"{stack.base_url}/zoeken/?q=radicalisering+{number}").status_code

    with ThreadPoolExecutor(max_workers=6) as pool:
        statuses = list(pool.map(search, range(2 * SEARCH_LIMIT)))
    assert statuses.count(200) == SEARCH_LIMIT and statuses.count(429) == SEARCH_LIMIT, statuses
    # Writing another address in the header changes nothing: nginx appends the real one and only that counts.
    spoofed = flooder.get(f"{stack.base_url}/zoeken/?q=x", headers={"X-Forwarded-For": "203.0.113.9"})
    assert spoofed.status_code == 429
    # Another visitor behind the same proxy is not affected.
    assert visitor(6).get(f"{stack.base_url}/zoeken/?q=radicalisering").status_code == 200


def login(session, base_url, password):
    page = session.get(f"{base_url}/django-admin/login/")
    token = session.cookies.get("csrftoken")
    return session.post(
        f"{base_url}/django-admin/login/",
        allow_redirects=False,
        data={"username": EDITOR, "password": password, "csrfmiddlewaretoken": token},
        headers={"Referer": page.url},
    ).status_code


def test_failed_logins_are_counted_across_workers(stack, visitor):
    def wrong(_number):
        return login(visitor(8), stack.base_url, "wrong-password")

    with ThreadPoolExecutor(max_workers=4) as pool:
        statuses = list(pool.map(wrong, range(LOGIN_LIMIT + 3)))
    assert statuses.count(429) >= 3, statuses
    # The account is locked now, whichever worker and whatever address: even the right password is refused.
    assert login(visitor(9), stack.base_url, PASSWORD) == 429


def test_a_mail_waits_for_the_worker_while_the_mail_server_is_down_and_arrives_once(stack, visitor):
    """The real `db_worker` process sends what the gunicorn workers queued: a saved search's confirmation asked
    for while the mail server is away is answered at once, tried again, and delivered once when it is back."""
    from .test_background import Inbox, free_port

    inbox = Inbox(free_port())
    stack.restart_worker(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=inbox.port,
        TASK_RETRY_DELAYS="1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1",
    )
    try:
        session = visitor(7)
        form = session.get(f"{stack.base_url}/zoeken/bericht/?q=polarisatie")
        response = session.post(
            f"{stack.base_url}/zoeken/bericht/",
            data={
                "q": "polarisatie",
                "email": "stack-bericht@example.org",
                "frequency": "daily",
                "csrfmiddlewaretoken": session.cookies.get("csrftoken"),
            },
            headers={"Referer": form.url},
        )
        assert response.status_code == 200 and "stack-bericht@example.org" in response.text
        time.sleep(3)  # the worker's first attempts are refused
        assert inbox.messages == []
        failed = stack.manage("shell", "-c", COUNT_MAIL_TASKS).stdout.split()
        assert int(failed[0]) >= 1, failed  # FAILED attempts recorded, one more waiting
        inbox.start()
        wait_for(lambda: inbox.messages, 30, "the mail")
        time.sleep(3)  # long enough for a second delivery, if there were one
        assert [rcpts for rcpts, _content in inbox.messages] == [("stack-bericht@example.org",)]
        assert "/zoeken/bericht/bevestigen/" in inbox.messages[0][1]
    finally:
        inbox.stop()


COUNT_MAIL_TASKS = """
from django_tasks_db.models import DBTaskResult
print(DBTaskResult.objects.filter(task_path="portal.background.send_email", status="FAILED").count())
"""


RENAME_HOME = """
from wagtail.models import Page
home = Page.objects.get(depth=2, locale__language_code="nl").specific
home.title = "Kennisportaal (vernieuwd)"
home.save_revision().publish()
"""


def test_the_page_cache_is_shared_by_the_workers_and_renewed_by_a_publication_elsewhere(stack, visitor):
    """Three workers answer from one page cache; an editor publishing in another process (here a shell, in
    production another worker or host) renews it for all of them at once."""
    session = visitor(9)

    def home_pages(count):
        with ThreadPoolExecutor(max_workers=3) as pool:  # concurrent, so more than one worker answers
            return list(pool.map(lambda _n: session.get(stack.base_url + "/"), range(count)))

    first = session.get(stack.base_url + "/")
    assert first.status_code == 200 and first.headers.get("X-Page-Cache") in ("miss", "hit")
    later = home_pages(9)
    assert [response.headers.get("X-Page-Cache") for response in later] == ["hit"] * 9
    stack.manage("shell", "-c", RENAME_HOME)
    renewed = home_pages(9)
    assert all("Kennisportaal (vernieuwd)" in response.text for response in renewed)
    assert sum(response.headers.get("X-Page-Cache") == "hit" for response in renewed) >= 6  # stored again
