"""Read settings from environment variables (12-factor) with clear errors.

Every error raised here is an ``ImproperlyConfigured`` whose message names the variable,
so that ``manage.py`` can print it as one line instead of a traceback.
"""

import ipaddress
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"0", "false", "no", "off", ""}


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE_VALUES:
        return True
    if value in FALSE_VALUES:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off.")


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name, default=()):
    """A comma-separated list; empty items are dropped."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_int_list(name, default=()):
    """A comma-separated list of whole numbers of 1 or more (ASCII digits only)."""
    values = []
    for item in env_list(name, [str(value) for value in default]):
        if not (item.isascii() and item.isdigit() and 0 < int(item) < 10**9):
            raise ImproperlyConfigured(f"{name}: {item!r} is not a whole number of 1 or more.")
        values.append(int(item))
    return values


def env_networks(name):
    """A comma-separated list of IP addresses or networks (CIDR), checked here so a typo stops the start."""
    networks = []
    for item in env_list(name):
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network (CIDR).") from None
    return networks


def database_from_url(url):
    """Turn DATABASE_URL into Django's DATABASES entry, refusing unsupported schemes clearly."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises bare ValueError/KeyError on odd input
        raise ImproperlyConfigured(f"DATABASE_URL is not a usable database URL ({error}).") from None
    engine = config.get("ENGINE", "")
    if engine not in ("django.db.backends.sqlite3", "django.db.backends.postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL uses {engine or 'an unknown engine'}; use sqlite:///path or postgres://user:pass@host:port/name."
        )
    if engine == "django.db.backends.sqlite3":
        # SQLite has no connection to keep alive; persistent connections only add locking trouble.
        config["CONN_MAX_AGE"] = 0
        config.pop("CONN_HEALTH_CHECKS", None)
        # Concurrent writers (the search log under load) queue for the lock instead of failing at once:
        # IMMEDIATE takes the write lock when a transaction starts, and waits up to 20 s for it.
        config.setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
    else:
        # Fail fast when the server is unreachable instead of hanging a worker.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    return config
