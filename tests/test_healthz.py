"""/healthz tells operators whether the database and the search engine work."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HEALTHZ_IN_A_FRESH_PROCESS = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/healthz")
print(json.dumps({"status_code": response.status_code, "body": response.json()}))
"""


def healthz_in_process(**env):
    """GET /healthz in a process of its own, configured by ``env`` (real services, nothing mocked)."""
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE="portal.settings.test", **env)
    result = subprocess.run(
        [sys.executable, "-c", HEALTHZ_IN_A_FRESH_PROCESS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.django_db
def test_healthy_portal_answers_200(client, settings):
    settings.ELASTICSEARCH_URL = None
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["checks"]["database"]["status"] == "ok"
    assert body["checks"]["search"] == {"status": "ok", "engine": "database"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.slow
def test_unreachable_postgresql_answers_503():
    result = healthz_in_process(DATABASE_URL="postgres://portal:secret@127.0.0.1:1/portal")
    assert result["status_code"] == 503
    assert result["body"]["status"] == "down"
    assert result["body"]["checks"]["database"]["status"] == "down"
    assert "secret" not in json.dumps(result["body"])


@pytest.mark.slow
def test_unopenable_sqlite_answers_503():
    result = healthz_in_process(DATABASE_URL="sqlite:////nonexistent-directory/portal.sqlite3")
    assert result["status_code"] == 503
    assert result["body"]["checks"]["database"]["status"] == "down"


@pytest.mark.slow
def test_unreachable_search_engine_degrades_but_stays_200(tmp_path):
    result = healthz_in_process(
        DATABASE_URL=f"sqlite:///{tmp_path / 'empty.sqlite3'}", ELASTICSEARCH_URL="http://127.0.0.1:1"
    )
    assert result["status_code"] == 200
    assert result["body"]["status"] == "degraded"
    assert result["body"]["checks"]["search"]["status"] == "down"
    assert result["body"]["checks"]["search"]["engine"] == "elasticsearch"


@pytest.mark.django_db
def test_healthz_refuses_writes(client):
    assert client.post("/healthz").status_code == 405
