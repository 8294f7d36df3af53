"""Settings for benchmarks/search.py: the test settings plus the benchmark model, on a throw-away database."""

import os
import tempfile

from portal.settings.env import database_from_url
from portal.settings.test import *  # noqa: F401,F403
from portal.settings.test import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]
MIGRATION_MODULES = {"benchmarks": None}  # created with migrate --run-syncdb
BENCHMARK_SQLITE = os.path.join(tempfile.gettempdir(), "kennisportaal-benchmark.sqlite3")
DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL") or f"sqlite:///{BENCHMARK_SQLITE}")}
DATABASES["default"]["CONN_MAX_AGE"] = None
SEARCH_REFRESH_AFTER_WRITE = False
