"""Checks that production values are safe; importable without side effects (for tests)."""

INSECURE_KEY_MARKERS = ("insecure", "changeme", "change-me", "secret", "dev-only")


def check_production_values(secret_key, debug, allowed_hosts, redis_url="redis://"):
    """Return the reasons these values are unsafe in production (empty when they are fine)."""
    problems = []
    if not secret_key or len(secret_key) < 50 or len(set(secret_key)) < 5:
        problems.append("SECRET_KEY must be set to a random value of at least 50 characters")
    elif any(marker in secret_key.lower() for marker in INSECURE_KEY_MARKERS):
        problems.append("SECRET_KEY looks like a placeholder; generate a random one")
    if debug:
        problems.append("DEBUG must be off in production")
    if not allowed_hosts or "*" in allowed_hosts:
        problems.append("ALLOWED_HOSTS must name the portal's host names (no '*')")
    if not redis_url:
        # Several workers and hosts must share counters, throttles and caches; an in-process cache would not.
        problems.append("REDIS_URL must point at the shared Redis (redis://host:6379/0)")
    return problems
