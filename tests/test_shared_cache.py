"""The shared cache: Redis when REDIS_URL is set (CI sets it; an unreachable server fails here, never skips)."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache

from portal.settings.safety import check_production_values

GOOD_KEY = "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789"


def test_production_refuses_to_run_without_the_shared_cache():
    problems = check_production_values(GOOD_KEY, False, ["portal.example.nl"], redis_url=None)
    assert problems == ["REDIS_URL must point at the shared Redis (redis://host:6379/0)"]
    assert check_production_values(GOOD_KEY, False, ["portal.example.nl"], redis_url="redis://redis:6379/0") == []


@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL not set: the in-process cache serves")
def test_the_configured_redis_answers_and_counts_atomically():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    cache.set("shared-cache-probe", 0, timeout=30)
    assert cache.incr("shared-cache-probe") == 1
    assert cache.get("shared-cache-probe") == 1


def test_ci_runs_against_redis():
    # CI exports REDIS_URL; a CI run without it would quietly test the in-process cache only.
    if os.environ.get("CI") and not os.environ.get("REDIS_URL"):
        pytest.fail("CI must set REDIS_URL (see .ci/run)")
