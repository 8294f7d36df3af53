"""Local development: `make run`. Convenient defaults, never used in production."""

from .base import *  # noqa: F401,F403
from .env import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
# A development key is fine here: production.py refuses to start with it.
SECRET_KEY = env_str("SECRET_KEY", "") or "dev-only-insecure-key-do-not-use-in-production"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
# `make run` is one process: tasks run at once, mail goes to the console. TASK_BACKEND=database with
# `python manage.py db_worker` next to it behaves as production.
TASK_BACKEND = env_str("TASK_BACKEND", "immediate")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}  # noqa: F405
