"""
Newsroom settings, read from the environment.

Development needs no variables at all. Production sets at least ``DEBUG=0``,
``SECRET_KEY`` and ``ALLOWED_HOSTS``; the README lists every variable.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from newsroom.photo_storage import content_security_policy, photo_storage
from newsroom.second_factor import webauthn_origins, webauthn_rp_id

# How staff sign in: throttling, the second factor, password resets, sessions
# and how long the audit log keeps an entry.
from newsroom.sign_in_settings import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=()):
    value = os.environ.get(name, "")
    return [item.strip() for item in value.split(",") if item.strip()] or list(default)


DEBUG = env_bool("DEBUG", True)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")


def default_site_url():
    if DEBUG:
        return "http://127.0.0.1:8000"
    host = ALLOWED_HOSTS[0].lstrip(".")
    if not host or "*" in host:
        raise ImproperlyConfigured(
            "Set SITE_URL (https://news.example.org): ALLOWED_HOSTS does not name one host."
        )
    return f"https://{host}"


# The site's own address. Links sent by e-mail (password resets, workflow
# notices) are built on it, never on the Host header of the request that
# caused them, and only pages asked for at this address are kept in the
# page cache.
SITE_URL = (os.environ.get("SITE_URL", "") or default_site_url()).rstrip("/")

INSTALLED_APPS = [
    "workflow.site.WorkspaceAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search types and lookups, used on PostgreSQL only.
    "django.contrib.postgres",
    "django_filters",
    "axes",
    # The second factor (workflow/second_factor): authenticator-app codes,
    # recovery codes and passkeys, each a django-otp device.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # Background tasks (django.tasks) kept in the database: the worker is
    # ``manage.py run_worker``.
    "django_tasks_db",
    # The newsroom's apps, each importing only from those listed before it
    # (an import-linter contract in pyproject.toml keeps it so).
    "audit",
    "people",
    "media",
    "articles",
    "quotes",
    "reader",
    "workflow",
    "operations",
    "importing",
    "demo",
    "syndication",
]

# Work that need not hold up a request (photo renditions, e-mails, CDN
# purges) runs as a task, stored in the database beside the rows it belongs
# to and run by ``manage.py run_worker`` (``make run`` starts one). No other
# server needed.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A task still running after this many seconds on a worker of another machine
# is taken for lost (its worker died) and run again; a worker on the same
# machine is known dead at once by its process id.
TASK_LOST_AFTER = int(os.environ.get("TASK_LOST_AFTER", 15 * 60))
# Finished tasks (and failed ones, with their errors) stay listed for staff
# this many days; the worker then removes them.
TASK_RESULTS_DAYS = int(os.environ.get("TASK_RESULTS_DAYS", 14))
# The largest WordPress export the workspace takes, in megabytes (one request,
# kept in the database until its import has run); larger archives go through
# ``manage.py import_wordpress``.
WORDPRESS_IMPORT_MAX_MB = int(os.environ.get("WORDPRESS_IMPORT_MAX_MB", 50))

# Partners' webhooks (syndication.webhooks) may be sent to public addresses
# only: an address on this machine or a private network would let whoever
# registers a webhook probe the newsroom's own servers (SSRF). The tests'
# receivers listen on 127.0.0.1, so they allow it.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env_bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", False)

MIDDLEWARE = [
    # First: it times and logs every request, and names it with X-Request-ID.
    "operations.middleware.RequestLogMiddleware",
    # The shared cache (Redis) down: readers' pages made without it, changes
    # refused with 503 (operations/shared_cache.py).
    "operations.shared_cache.SharedCacheDownMiddleware",
    # Notes a proxy in front that TRUSTED_PROXY_COUNT does not know of (newsroom.W002).
    "operations.middleware.ForwardedForMiddleware",
    # Answers anonymous readers' cached pages; everything below is skipped for
    # them. It keeps a page with the headers the whole stack below gives it,
    # security headers included: newsroom.wsgi answers with them before Django.
    "reader.middleware.CachedPageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside the session and CSRF middleware, to see every cookie they set.
    "reader.middleware.ReaderCacheControlMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Old WordPress addresses of imported stories: 301 to where they are now.
    "importing.permalinks.FormerPermalinkMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who an audit log entry written during the request names (audit/log.py).
    "audit.middleware.AuditMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After authentication: a staff session ended elsewhere, or idle too long,
    # is signed out here (workflow/sessions.py). No query without a session cookie.
    "workflow.middleware.StaffSessionMiddleware",
    # Workspace pages only for staff who passed their second factor (or need
    # none); after the session check, so an ended session is signed out first.
    "workflow.second_factor.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "operations.middleware.DatabaseBusyMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into a 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"

# Database: DATABASE_URL (postgres://… or sqlite:///…), else a SQLite file in var/.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASE_URL = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several editors saving at once: WAL lets readers run beside a writer,
    # IMMEDIATE takes the write lock up front instead of failing mid-transaction.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compilation pays off for long reports, not for a page's queries: it
    # added 90-130 ms to the people search at 100,000 stories (20 ms without).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cached reader pages (reader/pagecache.py). The cache must be shared by all
# server processes, so that a change saved in one is seen by every other: a
# directory by default, or memcached/Redis through CACHE_BACKEND and CACHE_LOCATION.
CACHES = {
    "default": {
        "BACKEND": os.environ.get(
            "CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"
        ),
        "LOCATION": os.environ.get("CACHE_LOCATION", str(VAR_DIR / "cache")),
    }
}
if CACHES["default"]["BACKEND"].endswith("FileBasedCache"):
    CACHES["default"]["OPTIONS"] = {"MAX_ENTRIES": 10_000}
# REDIS_URL (redis://host:6379/0) puts the cache on Redis, shared by every
# process on every machine. Without it the directory above is the default,
# not local memory: the gunicorn workers would each keep their own pages.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "newsroom"),
    }

# How long a CDN (s-maxage) and a browser (max-age) may keep a reader page
# shown to anonymous readers (reader.middleware.ReaderCacheControlMiddleware).
READER_MAX_AGE = int(os.environ.get("READER_MAX_AGE", "60"))
READER_SHARED_MAX_AGE = int(os.environ.get("READER_SHARED_MAX_AGE", "300"))
# A live story's page asks for new updates every LIVE_POLL_SECONDS (reader/live.py);
# the answer may be kept LIVE_POLL_MAX_AGE seconds by a CDN or browser, so a
# CDN answers most polls and an update reaches readers within the two added.
LIVE_POLL_SECONDS = int(os.environ.get("LIVE_POLL_SECONDS", "20"))
LIVE_POLL_MAX_AGE = int(os.environ.get("LIVE_POLL_MAX_AGE", "5"))
# A CDN in front of the readers' site is told to drop the pages showing what
# changed (reader/cdn.py): reader pages carry their tags in Surrogate-Key and
# Cache-Tag, and a change sends one purge request naming its tags to
# CDN_PURGE_URL, with CDN_PURGE_TOKEN. CDN_PURGE_STYLE "surrogate-key" sends
# the tags in a Surrogate-Key header and the token as Fastly-Key (Fastly's
# purge by key, or a generic purge URL); "cache-tag" sends {"tags": [...]}
# with the token as a bearer (Cloudflare's purge by tag). Unset: no purge.
CDN_PURGE_URL = os.environ.get("CDN_PURGE_URL", "")
CDN_PURGE_TOKEN = os.environ.get("CDN_PURGE_TOKEN", "")
CDN_PURGE_STYLE = os.environ.get("CDN_PURGE_STYLE", "surrogate-key")
if CDN_PURGE_STYLE not in {"surrogate-key", "cache-tag"}:
    raise ImproperlyConfigured('CDN_PURGE_STYLE must be "surrogate-key" or "cache-tag".')
# PAGE_CACHE_HEADER=1 marks each page answered from the page cache with
# "X-Page-Cache: hit": the bench counts them. Off in production.
PAGE_CACHE_HEADER = env_bool("PAGE_CACHE_HEADER", False)
# PAGE_CACHE=0 keeps no whole page (reader.pagecache): every page is rendered,
# from the stored story parts and cached fragments. The bench's cold pages.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("km", _("Khmer")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Phnom_Penh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Uploads live outside the source tree, never in the media/ app folder.
MEDIA_URL = "/uploads/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "uploads"))
# Uploads are served by the web server in front (or object storage) in
# production; SERVE_UPLOADS=1 lets Django serve them itself, as `make serve` does.
SERVE_UPLOADS = env_bool("SERVE_UPLOADS", DEBUG)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}


PHOTO_STORAGE, PHOTO_ORIGIN = photo_storage(os.environ)
if PHOTO_STORAGE:
    STORAGES["default"] = PHOTO_STORAGE

# In development static files are served from the apps' folders as they change.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Photos: the largest file and picture the newsroom accepts.
PHOTO_MAX_UPLOAD_BYTES = int(os.environ.get("PHOTO_MAX_UPLOAD_BYTES", 30 * 1024 * 1024))
PHOTO_MAX_PIXELS = int(os.environ.get("PHOTO_MAX_PIXELS", 60_000_000))
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o640

# The size of the pictures `manage.py demo_content` draws: (width, height) in pixels.
DEMO_PICTURE_SIZE = (1200, 800)

# Passkeys and security keys are scoped to a domain, the relying party ID: the
# site's host name. A browser accepts no IP address there, so on a machine of
# one's own (SITE_URL http://127.0.0.1:8000) it is "localhost", and passkeys
# work at http://localhost:8000. Changing it later orphans every passkey.
WEBAUTHN_RP_ID = os.environ.get("WEBAUTHN_RP_ID", "") or webauthn_rp_id(SITE_URL)
OTP_WEBAUTHN_RP_ID = WEBAUTHN_RP_ID
OTP_WEBAUTHN_RP_NAME = os.environ.get("WEBAUTHN_RP_NAME", "Newsroom")
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list(
    "WEBAUTHN_ORIGINS", webauthn_origins(SITE_URL, WEBAUTHN_RP_ID)
)
# A passkey is a second factor after the password, never a sign-in on its own.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

# Security headers. The policy allows nothing from other origins: no analytics,
# fonts or CDNs, so readers and sources are not tracked by third parties.


SECURE_CSP = content_security_policy(PHOTO_ORIGIN)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 31536000))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if env_bool("BEHIND_TLS_PROXY", False):
        # Only behind a proxy that overwrites this header on every request.
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# E-mail: printed to the console in development, SMTP in production. The SMTP
# options go to the SMTP backend only: another EMAIL_BACKEND (console, file,
# locmem) refuses options it does not know.
EMAIL_BACKEND_PATH = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {
    "default": {
        "BACKEND": EMAIL_BACKEND_PATH,
        "OPTIONS": (
            {
                "host": os.environ.get("EMAIL_HOST", "localhost"),
                "port": int(os.environ.get("EMAIL_PORT", "587")),
                "username": os.environ.get("EMAIL_HOST_USER", ""),
                "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": 10,
            }
            if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend")
            and (not DEBUG or os.environ.get("EMAIL_HOST"))
            else {}
        ),
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "newsroom@localhost")

# Error reports (e-mails to ADMINS, the debug page) hide passwords, share-link
# and reset tokens, and the fields that identify a protected source.
DEFAULT_EXCEPTION_REPORTER = "operations.reporting.NewsroomExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "operations.reporting.NewsroomExceptionReporterFilter"

# One JSON line per record on standard output, each with the id of the request
# it belongs to; share and reset tokens are removed from the addresses logged.
# LOG_FORMAT=text gives plain lines for reading in a terminal.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "operations.middleware.RequestIdFilter"},
        "redact": {"()": "operations.middleware.RedactFilter"},
    },
    "formatters": {
        "json": {"()": "operations.middleware.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id", "redact"],
            "formatter": "text" if os.environ.get("LOG_FORMAT") == "text" else "json",
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Every request already has its line from newsroom.requests.
        "django.server": {"level": "WARNING"},
    },
}
