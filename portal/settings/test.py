"""Settings for the test suite (`make test`)."""

from .base import *  # noqa: F401,F403
from .base import LOGGING, SEARCH_INDEX_PREFIX

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
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
