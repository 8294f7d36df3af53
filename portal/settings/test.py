"""Settings for the test suite (`make test`)."""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F401,F403
from .base import LOGGING, SEARCH_INDEX_PREFIX

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
# The test outbox (pytest-django sets it too); tests/test_background.py sends through the task backend.
EMAIL_BACKEND = EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only; tests never ship
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Admin tests log in with force_login; tests/test_two_factor.py switches the second factor on.
TWO_FACTOR_REQUIRED = False
# Tests never touch a production index.
SEARCH_INDEX_PREFIX = f"test_{SEARCH_INDEX_PREFIX}"
SEARCH_REFRESH_AFTER_WRITE = True
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
LOGGING = {**LOGGING, "root": {"handlers": ["console"], "level": "WARNING"}}
# No persistent connections: a live-server thread holding one blocks dropping the test database.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405

# Tests never collect static files; without a STATIC_ROOT WhiteNoise does not look for one.
STATIC_ROOT = None

# With REDIS_URL (CI) the cache is the real Redis: each pytest-xdist worker gets its own database number,
# because the tests clear the cache between tests and must not clear another worker's counters.
if REDIS_URL:  # noqa: F405
    _worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    _database = 1 + int(_worker) % 15 if _worker.isascii() and _worker.isdigit() else 1
    CACHES["default"]["LOCATION"] = urlsplit(REDIS_URL)._replace(path=f"/{_database}").geturl()  # noqa: F405
# Tasks run at once in the test process; tests/test_background.py runs the database backend with real workers.
TASK_BACKEND = "immediate"
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}  # noqa: F405
