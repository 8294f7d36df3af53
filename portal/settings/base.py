"""Settings shared by every environment. Values that differ per deployment come from the environment."""

from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import database_from_url, env_bool, env_int, env_int_list, env_list, env_networks, env_str

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps first so that their templates override Wagtail's defaults.
    "portal",
    "curriculum",
    "knowledge",
    "needs",
    "search",
    "api",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    # Editors translate a page with "Translate" in its menu: a copy in the other locale to edit and publish.
    "wagtail.contrib.simple_translation",
    "wagtail",
    "modelcluster",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The API's version on every answer under /api/, whichever middleware below answered.
    "api.middleware.VersionHeaderMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # WhiteNoise serves static files from the app itself: no web server needed in front.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.RejectNullBytesMiddleware",
    # Whole pages for anonymous visitors from the shared cache (PAGE_CACHE_SECONDS). Outside the session, CSRF,
    # locale and message middleware: a stored answer went through them (their headers are in it, and an answer
    # that set a cookie is never stored), and a hit skips them and everything that builds a page.
    "portal.middleware.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Password resets and other unauthenticated mail-sending forms, per client and per address.
    "portal.login_throttle.PasswordResetThrottleMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Everyone who can reach the admin confirms the login with a second factor (portal.two_factor).
    "portal.two_factor.RequireTwoFactorForAdminMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # django-axes: every login form (portal, Wagtail admin, Django admin, page privacy) answers 429 when locked.
    "axes.middleware.AxesMiddleware",
    # The open-data API's shared rules (read-only, CORS, rate limit, shared cache), closest to its operations.
    "api.middleware.OpenDataMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASE_URL = env_str("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASES = {"default": database_from_url(DATABASE_URL)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
# Two-factor authentication for the admin; only the test settings (and a developer on purpose) switch it off.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "Kennisportaal Sociale Stabiliteit"
# How long an enrolment link (pairing an authenticator app) stays valid; it works once either way.
TWO_FACTOR_ENROLMENT_HOURS = env_int("TWO_FACTOR_ENROLMENT_HOURS", 72)
# Private pages send visitors to the portal's own login page, not Wagtail's bare one.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
# Password guessing (django-axes, counters in the shared cache): after this many failed logins for one account
# name (Unicode NFKC, case-insensitive) or from one client address, every login form answers 429 for the window.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
LOGIN_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 10)
LOGIN_THROTTLE_SECONDS = env_int("LOGIN_THROTTLE_MINUTES", 15) * 60
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_THROTTLE_SECONDS)
AXES_USERNAME_CALLABLE = "portal.login_throttle.normalised_username"
AXES_CLIENT_IP_CALLABLE = "portal.client.client_address"
AXES_LOCKOUT_CALLABLE = "portal.login_throttle.locked_out"
AXES_VERBOSE = False
# Password-reset mails per client address and per e-mail address, per hour.
PASSWORD_RESET_RATE_LIMIT = (env_int("PASSWORD_RESET_RATE_LIMIT_PER_HOUR", 5), 3600)
LOGIN_REDIRECT_URL = "/"

# The cache shared by every process and host: rate limits, login throttling, the search circuit breaker, pages.
# REDIS_URL=redis://host:6379/0 in production (required there); unset, an in-process cache serves `make run`.
REDIS_URL = env_str("REDIS_URL", "") or None
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kennisportaal"),
            # A Redis outage must not hang every worker: fail fast, the callers treat it as a cache miss.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    # Room for the page cache's entries and their dependencies (Django's default culls at 300).
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 20000}}
    }
    # axes warns that an in-process cache is not shared; true, and only allowed where there is one process
    # (production refuses to start without REDIS_URL).
    SILENCED_SYSTEM_CHECKS = ["axes.W001"]

# Whole pages for anonymous visitors, in that shared cache, for at most this many seconds (0: off). Publishing
# renews the pages that show what changed at once (portal.caching); the timeout only bounds what depends on
# the clock (upcoming sessions). Production switches it on (300 unless set); `make run` and the tests leave it off.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 0)

# Client addresses: X-Forwarded-For counts only when the connection comes from one of these proxies
# (addresses or networks, comma-separated, e.g. "127.0.0.1,10.0.0.0/8"); from anyone else it is ignored.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")

# Headers every environment sends (production adds HTTPS-only ones).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Internationalisation: Dutch first, English alongside.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail.
# Every mail is queued as a task (portal.background.TaskEmailBackend); the worker sends it with the backend
# that the environment's EMAIL_BACKEND names (SMTP unless told otherwise).
EMAIL_BACKEND = "portal.background.TaskEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "kennisportaal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
API_CONTACT_EMAIL = env_str("API_CONTACT_EMAIL", DEFAULT_FROM_EMAIL)  # info.contact of the API's description
EMAIL_TIMEOUT = 10

# Background work (portal.background, django-tasks): every mail, the alert digests, the search queue runs and
# PDF text extraction are tasks. "database" keeps them in the database (django-tasks-db) until a
# `manage.py db_worker` process runs them, with retries; "immediate" runs them at once, in the process that
# asks (development and tests). Periodic work comes from `manage.py run_scheduler`.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASK_BACKEND = env_str("TASK_BACKEND", "database")
if TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASK_BACKEND={TASK_BACKEND!r}: use one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}
# Seconds before the second, third, ... attempt of a task that met a passing fault (an SMTP server away, the
# search node down); after the last one the task fails for good and says so in the log.
TASK_RETRY_DELAYS = env_int_list("TASK_RETRY_DELAYS", (60, 300, 1800, 7200, 21600))
# A task still running after this long lost its worker (killed mid-task) and is run again. Longer than any
# task takes: a mail, a digest run, a PDF of 200 pages.
TASK_ABANDONED_MINUTES = env_int("TASK_ABANDONED_MINUTES", 30)

# Case-study submissions by municipalities.
SUBMISSION_MAX_UPLOAD_SIZE = env_int("SUBMISSION_MAX_UPLOAD_SIZE_MB", 10) * 1024 * 1024
# What a submitted docx or odt may unpack to (its parts together); more is refused as a possible zip bomb.
SUBMISSION_MAX_UNPACKED_SIZE = env_int("SUBMISSION_MAX_UNPACKED_SIZE_MB", 50) * 1024 * 1024
SUBMISSION_RATE_LIMIT = (env_int("SUBMISSION_RATE_LIMIT_PER_HOUR", 5), 3600)  # submissions, per seconds
# Searches and suggestions per client address per minute: generous for people, a brake on scrapers.
SEARCH_RATE_LIMIT = (env_int("SEARCH_RATE_LIMIT_PER_MINUTE", 60), 60)
SUGGEST_RATE_LIMIT = (env_int("SUGGEST_RATE_LIMIT_PER_MINUTE", 300), 60)
API_RATE_LIMIT = (env_int("API_RATE_LIMIT_PER_MINUTE", 120), 60)
ALERT_RATE_LIMIT = (env_int("ALERT_RATE_LIMIT_PER_HOUR", 10), 3600)  # saved-search requests (each sends a mail)
# Who reads unmoderated submissions (and gets mail about them); superusers always can.
SUBMISSION_MODERATOR_GROUPS = ["Eindredacteur"]

# Needs survey: public results never show a group of municipalities smaller than this (at least 2).
NEEDS_SURVEY_MIN_GROUP_SIZE = max(2, env_int("NEEDS_SURVEY_MIN_GROUP_SIZE", 5))

# Search: the engines, the embedded database engine first (always written, the fallback); the last configured
# one answers searches (search.engines). Unset ELASTICSEARCH_URL means the embedded database engine only.
SEARCH_ENGINES = [
    "search.engines.database.DatabaseEngine",
    "search.engines.elasticsearch.ElasticsearchEngine",
]
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "") or None
SEARCH_INDEX_PREFIX = env_str("SEARCH_INDEX_PREFIX", "kennisportaal")
ELASTICSEARCH_TIMEOUT = env_int("ELASTICSEARCH_TIMEOUT", 5)  # seconds; past this the database engine answers
# Bulk requests of a rebuild (1,000 documents each) may take this long.
ELASTICSEARCH_BULK_TIMEOUT = env_int("ELASTICSEARCH_BULK_TIMEOUT", 120)
# After a failed request the node is skipped this long (circuit breaker); then one request tries it again.
SEARCH_BREAKER_SECONDS = env_int("SEARCH_BREAKER_SECONDS", 30)
# Hunspell dictionary for the Dutch analysis chain; must exist in the node's config/hunspell/<locale>/.
ELASTICSEARCH_HUNSPELL_LOCALE = env_str("ELASTICSEARCH_HUNSPELL_LOCALE", "nl_NL")
# Make every write visible to searches at once (tests); production relies on the 1-second refresh.
SEARCH_REFRESH_AFTER_WRITE = False
# Search by meaning beside the words (search.embeddings): every indexed page is also embedded, every query too.
SEARCH_EMBEDDINGS = env_bool("SEARCH_EMBEDDINGS", True)
# The Wagtail admin's own search stays on Wagtail's database backend.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Wagtail.
WAGTAIL_SITE_NAME = "Kennisportaal Sociale Stabiliteit"
# No avatars from gravatar.com: the admin would send a hash of every editor's address to a third party (and
# the admin's CSP blocks the images anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents always pass through Wagtail's view, which checks collection privacy; never a redirect to a
# media URL that anyone could fetch (the proxy refuses /media/documents/ as well).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_PASSWORD_RESET_ENABLED = True

LOG_LEVEL = env_str("LOG_LEVEL", "") or "INFO"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    # LOG_LEVEL on the handler, not only the root logger: records of every logger pass through it.
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain", "level": LOG_LEVEL}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Django's own console handler (DEBUG only) would print a second copy of its records; ours prints them.
        "django": {"level": "INFO"},
        # Background-task bookkeeping is noise at INFO level.
        # One line per Elasticsearch request is noise; failures are logged by the search app.
        "django_tasks": {"level": "WARNING"},
        "elastic_transport": {"level": "WARNING"},
    },
}
