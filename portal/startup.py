"""Turn start-up failures (bad configuration, unreachable database) into one clear line."""

import sys

from django.core.exceptions import ImproperlyConfigured


def startup_error_message(error):
    """The one line to print for a start-up failure, or None when it is not a start-up failure."""
    from django.db.utils import OperationalError

    if isinstance(error, ImproperlyConfigured):
        return f"Configuration error: {_first_line(error)}"
    if isinstance(error, OperationalError):
        hint = (
            "Check DATABASE_URL and that its directory exists."
            if _is_sqlite()
            else "Check DATABASE_URL and that the database server is running."
        )
        return f"Database unreachable ({_describe_database()}): {_first_line(error)}. {hint}"
    return None


def run_reporting_startup_errors(function, *args):
    """Run ``function``; a start-up failure exits with status 2 and one line on stderr."""
    try:
        return function(*args)
    except Exception as error:  # only start-up failures are reported; the rest re-raises
        message = startup_error_message(error)
        if message is None:
            raise
        print(message, file=sys.stderr)
        sys.exit(2)


def _first_line(error):
    text = str(error).strip()
    return text.splitlines()[0].strip() if text else error.__class__.__name__


def _is_sqlite():
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


def _describe_database():
    """Engine, host and name of the configured database, never its password."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        return f"sqlite {db['NAME']}"
    return f"{engine} {db.get('HOST') or 'localhost'}:{db.get('PORT') or 5432}/{db.get('NAME')}"
