"""A wrong or unreachable database gives one clear line at start-up, not a traceback."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def start(database_url, *args):
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.dev", DATABASE_URL=database_url)
    return subprocess.run(
        [sys.executable, "manage.py", *(args or ("migrate", "--no-input"))],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def assert_one_line_error(result, *fragments):
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got:\n{result.stderr}"
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


def test_unsupported_database_url():
    assert_one_line_error(start("mysql://root@localhost/portal"), "Configuration error", "DATABASE_URL")


def test_malformed_database_url():
    assert_one_line_error(start("://nonsense"), "Configuration error", "DATABASE_URL")


def test_unreachable_postgresql():
    # Port 1 on loopback: nothing listens there, so the connection is refused at once.
    result = start("postgres://portal:wrong-password@127.0.0.1:1/portal")
    assert_one_line_error(result, "Database unreachable", "127.0.0.1:1/portal")
    assert "wrong-password" not in result.stderr


def test_unopenable_sqlite_file():
    assert_one_line_error(start("sqlite:////nonexistent-directory/portal.sqlite3"), "Database unreachable")
