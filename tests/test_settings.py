"""Production settings refuse insecure values; environment variables are parsed strictly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.settings.env import database_from_url, env_bool, env_int_list
from portal.settings.safety import check_production_values

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3Jq9v-Xz82mWb1rT5yLp0sNc7hGdAeF4uQoYiR6tVxZ_wMnBj"


def run_manage(*args, **env):
    """Run manage.py in a clean process with the given environment (production settings by default)."""
    environment = {
        key: value for key, value in os.environ.items() if key not in ("SECRET_KEY", "DEBUG", "ALLOWED_HOSTS")
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "portal.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    "secret_key, debug, hosts, expected",
    [
        ("", False, ["portal.example.nl"], "SECRET_KEY must be set"),
        ("short", False, ["portal.example.nl"], "SECRET_KEY must be set"),
        ("dev-only-insecure-key-do-not-use-in-production-at-all-ever", False, ["portal.example.nl"], "placeholder"),
        (GOOD_KEY, True, ["portal.example.nl"], "DEBUG must be off"),
        (GOOD_KEY, False, ["*"], "ALLOWED_HOSTS"),
        (GOOD_KEY, False, [], "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_insecure_values(secret_key, debug, hosts, expected):
    problems = check_production_values(secret_key, debug, hosts)
    assert any(expected in problem for problem in problems), problems


def test_production_accepts_a_real_configuration():
    assert check_production_values(GOOD_KEY, False, ["portal.example.nl"]) == []


@pytest.mark.slow
def test_production_without_secret_key_stops_with_one_clear_line():
    result = run_manage("check", ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Refusing to start in production" in lines[0] and "SECRET_KEY" in lines[0]


@pytest.mark.slow
def test_production_with_debug_on_stops():
    result = run_manage("check", SECRET_KEY=GOOD_KEY, DEBUG="true", ALLOWED_HOSTS="portal.example.nl")
    assert result.returncode == 2
    assert "DEBUG must be off" in result.stderr


@pytest.mark.slow
def test_production_passes_check_deploy_without_warnings():
    # A complete production environment (the check does not connect to Redis; CI sets REDIS_URL, a
    # developer's `make test` need not).
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="portal.example.nl",
        REDIS_URL=os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_booleans_are_parsed_strictly(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG")
    monkeypatch.setenv("DEBUG", "Off")
    assert env_bool("DEBUG", True) is False


def test_database_url_schemes():
    assert database_from_url("sqlite:////tmp/x.sqlite3")["ENGINE"] == "django.db.backends.sqlite3"
    postgres = database_from_url("postgres://portal:secret@db:5432/portal")
    assert postgres["ENGINE"] == "django.db.backends.postgresql"
    assert postgres["HOST"] == "db" and postgres["OPTIONS"]["connect_timeout"] == 5
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("mysql://root@localhost/portal")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        database_from_url("not a url")


def test_retry_delays_are_whole_numbers_in_ascii(monkeypatch):
    monkeypatch.setenv("TASK_RETRY_DELAYS", "60, 300,1800")
    assert env_int_list("TASK_RETRY_DELAYS") == [60, 300, 1800]
    for bad in ("60,²", "60,-5", "0", "1e3"):
        monkeypatch.setenv("TASK_RETRY_DELAYS", bad)
        with pytest.raises(ImproperlyConfigured, match="TASK_RETRY_DELAYS"):
            env_int_list("TASK_RETRY_DELAYS")


@pytest.mark.slow
def test_production_refuses_to_send_mail_inside_requests():
    result = run_manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example.nl", TASK_BACKEND="immediate")
    assert result.returncode == 2 and "TASK_BACKEND must be database" in result.stderr
    unknown = run_manage("check", SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="portal.example.nl", TASK_BACKEND="celery")
    assert unknown.returncode == 2 and "TASK_BACKEND='celery'" in unknown.stderr
