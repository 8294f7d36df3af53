"""Health checks for /healthz.

Apps register their own checks in ``AppConfig.ready()`` so that the portal never has to
import them (the search app registers the search-engine check, for example).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import DatabaseError, connection


@dataclass(frozen=True)
class Check:
    name: str
    run: Callable[[], dict]
    # A failing critical check makes the whole portal unhealthy (HTTP 503);
    # a failing non-critical one only degrades it.
    critical: bool


_checks: dict[str, Check] = {}


def register(name, run, critical=False):
    _checks[name] = Check(name, run, critical)


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return {"status": "down", "vendor": connection.vendor, "error": first_line(error)}
    return {"status": "ok", "vendor": connection.vendor}


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else error.__class__.__name__


def run_checks():
    """Run every registered check; return (overall status, HTTP status, per-check results)."""
    results = {}
    overall = "ok"
    for check in _checks.values():
        try:
            result = check.run()
        except Exception as error:  # a broken check must never break the health endpoint
            result = {"status": "down", "error": first_line(error)}
        results[check.name] = result
        if result.get("status") != "ok":
            if check.critical:
                overall = "down"
            elif overall == "ok":
                overall = "degraded"
    return overall, (503 if overall == "down" else 200), results
