"""Production: refuses insecure defaults instead of silently running with them."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import ALLOWED_HOSTS, DEBUG, REDIS_URL, SECRET_KEY, TASK_BACKEND, TWO_FACTOR_REQUIRED
from .env import env_bool, env_int
from .safety import check_production_values

_problems = check_production_values(SECRET_KEY, DEBUG, ALLOWED_HOSTS, REDIS_URL)
if TASK_BACKEND != "database":
    _problems.append("TASK_BACKEND must be database in production (mail sent inside requests is lost when SMTP fails)")
if not TWO_FACTOR_REQUIRED:
    _problems.append("TWO_FACTOR_REQUIRED cannot be switched off in production")
if _problems:
    raise ImproperlyConfigured("Refusing to start in production: " + "; ".join(_problems) + ".")

PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere. SECURE_SSL_REDIRECT can be switched off when a proxy already redirects.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
