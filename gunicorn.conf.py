"""Gunicorn settings for the production-like path (docker compose). All from the environment."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
wsgi_app = "portal.wsgi:application"


def on_starting(server):
    """Refuse to start with a bad configuration or an unreachable database, in one line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")
    import django

    from portal.startup import run_reporting_startup_errors

    def verify():
        django.setup()
        from django.db import connection

        connection.ensure_connection()
        connection.close()

    run_reporting_startup_errors(verify)
