"""Settings, all from the environment (see .env.example).

With nothing set: SQLite under var/, Celery tasks run eagerly in-process, e-mail to the console, DEBUG off.
Production sets DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and EMAIL_URL.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)

DEBUG = env.bool("DEBUG", default=False)

# The SQLite file, uploads and generated files. Created by whoever first needs it (dev.py, the Dockerfile,
# collectstatic, file storage), never by importing the settings.
VAR_DIR = Path(env("MSP_VAR_DIR", default=str(BASE_DIR / "var")))

_INSECURE_KEY = "insecure-dev-key-only-for-debug"
# With DEBUG off the key must be real. Left unset, the settings still load, so that build steps that sign
# nothing (collectstatic in the Dockerfile, makemigrations --check) run without one; everything that serves or
# signs refuses: msp.wsgi and msp.celery at start (msp.keys), and Django itself wherever the key is read.
SECRET_KEY = env("SECRET_KEY", default=_INSECURE_KEY if DEBUG else "")
if SECRET_KEY and not DEBUG and (SECRET_KEY == _INSECURE_KEY or len(SECRET_KEY) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random string of at least 32 characters when DEBUG is off "
        "(or set DEBUG=true on a development machine)."
    )

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "auditlog",
    # Second factors (TOTP apps and one-time recovery codes); our sign-in steps around them live in `accounts`.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The REST API (api) and its OpenAPI schema and offline documentation page.
    "rest_framework",
    "drf_spectacular",
    # Our apps, in layer order: each may import only the ones above it.
    "msp",
    # Sign-in and sessions (two-factor, the user's sessions, the lockout notice): imports only msp.
    "accounts",
    "phases",
    "stakeholders",
    "governance",
    "monitoring",
    "inbox",
    "transfer",
    "search",
    # IATI 2.03 publication of partnerships and the installation's organisation file.
    "opendata",
    # The REST API over every app, with personal API tokens: the top layer, nothing imports it.
    "api",
    # The data generator and the benchmark (issue 17): management commands only, no pages.
    "bench",
]

MIDDLEWARE = [
    # First: /healthz answers whatever the host name and without the HTTPS redirect (see msp/health.py).
    "msp.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (django-csp) and Permissions-Policy on every response: see below.
    "csp.middleware.CSPMiddleware",
    "msp.headers.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in user's language (their profile) over the browser's, which LocaleMiddleware applied.
    "msp.profiles.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle sessions end; a second factor is asked for (or its set-up) before anything else (see accounts).
    "accounts.middleware.SessionIdleMiddleware",
    "accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django_ratelimit.middleware.RatelimitMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
]

ROOT_URLCONF = "msp.urls"
WSGI_APPLICATION = "msp.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves real users, several at a time (runserver and gunicorn are threaded). With
    # SQLite's defaults a transaction that reads, then writes, fails at once with "database is locked" when
    # another one writes in between (no busy wait is possible there). So: every transaction takes the write lock
    # when it begins (IMMEDIATE; writers queue instead of failing), a writer waits up to 20 s for its turn, and
    # the write-ahead log lets readers go on while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "inbox:my_work"
LOGOUT_REDIRECT_URL = None  # show registration/logged_out.html

LANGUAGE_CODE = "en"
# The interface ships in these three; catalogues live in locale/ (see `python3 dev.py messages`).
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("de", _("German"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = "msp.formats"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(VAR_DIR / "staticfiles")))
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(VAR_DIR / "media")))
# Uploads that only views may serve, after an access check (e.g. signed MoU scans): never under MEDIA_ROOT.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", default=str(VAR_DIR / "private")))
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

# E-mail: console unless EMAIL_URL (e.g. smtp+tls://user:password@smtp.example.org:587) is set.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="MSP Manager <no-reply@msp.local>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Absolute links in e-mails sent from background jobs, where there is no request.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Celery: Redis when REDIS_URL is set, otherwise every task runs eagerly in the calling process.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# An eager task that fails must not turn the request that queued it into an error page: task state lives in
# the database (e.g. the outbox's last_error) and the periodic sweep picks the work up again.
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_TIME_LIMIT = 10 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 9 * 60
CELERY_TASK_ACKS_LATE = True
# A worker process reserves up to four tasks: the tasks are short (an evaluation ~0.1 s, an e-mail) and with one
# reserved each waited for the broker between tasks (nightly evaluation of 500 partnerships, one worker: 51.7 s with 1,
# 48.4 s with 4). Late acks keep a reserved task safe: a worker that dies hands it back. The pool gives work only
# to idle processes (-O fair, Celery's default), so a long PDF does not hold up the tasks reserved behind it.
CELERY_WORKER_PREFETCH_MULTIPLIER = 4
# Celery's Django fixup closes the database connection before and after every task unless this is set: a new
# PostgreSQL connection (a new server process, with cold caches) per task cost a nightly evaluation more than the
# evaluation's own queries. With it, the fixup closes it every this many tasks, and msp.celery applies
# CONN_MAX_AGE and the health checks between tasks, as a web request does.
CELERY_DB_REUSE_MAX = 200
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    # Every e-mail goes through the outbox (msp.outbox); the sweep queues what is due, one task per message.
    "send-pending-notifications": {
        "task": "msp.tasks.send_pending_notifications",
        "schedule": 60,
    },
    # Reminders before the digest, so that those who chose the daily digest get today's in it.
    "send-reminders": {
        "task": "inbox.tasks.send_reminders",
        "schedule": crontab(hour=5, minute=45),
    },
    "send-daily-digests": {
        "task": "msp.tasks.send_daily_digests",
        "schedule": crontab(hour=6, minute=0),
    },
    "purge-expired-imports": {
        "task": "stakeholders.tasks.purge_expired_imports",
        "schedule": 60 * 60,
    },
    "purge-expired-transaction-imports": {
        "task": "governance.tasks.purge_expired_transaction_imports",
        "schedule": 60 * 60,
    },
    "store-missing-mou-copies": {
        "task": "governance.tasks.store_missing_copies",
        "schedule": 10 * 60,
    },
    # Checklist evaluations whose task a broker or a dead worker let drop are queued again.
    "queue-dropped-evaluations": {
        "task": "phases.tasks.queue_dropped_evaluations",
        "schedule": 5 * 60,
    },
    # Reports whose worker died or whose task was dropped are queued again (monitoring.tasks).
    "queue-stalled-reports": {
        "task": "monitoring.tasks.queue_stalled_reports",
        "schedule": 5 * 60,
    },
    # Reporting schedules: the drafts of each period that has just ended (monitoring.services.schedules).
    "make-scheduled-reports": {
        "task": "monitoring.tasks.make_scheduled_reports",
        "schedule": crontab(hour=3, minute=0),
    },
    # Every partnership that is not archived is evaluated against the success-factor checklist (phases.tasks).
    "evaluate-checklists": {
        "task": "phases.tasks.evaluate_all_active",
        "schedule": crontab(hour=2, minute=30),
    },
}

CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# The audit trail: every change to a partnership's records, shown as its activity feed.
AUDITLOG_LOGENTRY_MODEL = "msp.ActivityEntry"
# auditlog's own migrations would create its default table even though the model is swapped out (they do not
# mark it swappable); its only model is swapped, so it needs no migrations at all.
MIGRATION_MODULES = {"auditlog": None}
AUDITLOG_DISABLE_REMOTE_ADDR = True
# Record related objects by name as they were at the time (also spares the feed a query per entry).
AUDITLOG_USE_FK_STRING_REPRESENTATION = True

# Cookies travel over HTTPS only, whenever DEBUG is off (a plain-HTTP test installation sets SECURE_COOKIES=false).
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
# X-Forwarded-Proto says "this request came in over HTTPS" only when a proxy that sets it (and drops a client's own)
# is in front. docker-compose publishes gunicorn's port directly, so anyone could send the header: trust it only
# when BEHIND_HTTPS_PROXY says such a proxy is there.
BEHIND_HTTPS_PROXY = env.bool("BEHIND_HTTPS_PROXY", default=False)
if BEHIND_HTTPS_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS in production: redirect plain HTTP and tell browsers to keep to HTTPS (HSTS), both from the environment.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Content-Security-Policy: scripts and styles only from our own files, never inline (no style= attributes, no
# <script> blocks, no on*= handlers: tests/pages fail on any violation the browser reports). JSON for scripts goes
# in json_script elements (type application/json, never executed). data: images are Bootstrap's CSS icons.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Browser features no page of ours uses, refused to any script (msp.headers).
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), midi=(), magnetometer=(), gyroscope=(), "
    "accelerometer=(), display-capture=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}, "null": {"class": "logging.NullHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # WeasyPrint narrates every step of every PDF at INFO ("Step 1 - Fetching and parsing HTML"); keep its
        # warnings (a missing font, an unreadable image) and drop the narration.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        # A request for a host name we do not serve (scanners, misdirected DNS) is answered 400; it is not an error
        # of ours and must not fill the log with tracebacks.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
    },
}

# Brute-force protection on sign-in and password reset (django-ratelimit; counts live in the cache, so in
# Redis when REDIS_URL is set). Behind a proxy, set RATELIMIT_IP_META_KEY=HTTP_X_FORWARDED_FOR.
RATELIMIT_VIEW = "msp.views.too_many_requests"
RATELIMIT_IP_META_KEY = env("RATELIMIT_IP_META_KEY", default=None)
LOGIN_RATE = env("LOGIN_RATE", default="10/m")

# The REST API and IATI publication: msp/settings_integrations.py.
from .settings_integrations import *  # noqa: E402,F403

PASSWORD_RESET_RATE = env("PASSWORD_RESET_RATE", default="5/h")

# Two-factor sign-in (accounts): required of superusers and of anyone holding a secretariat role when this is on.
REQUIRE_TWO_FACTOR = env.bool("REQUIRE_TWO_FACTOR", default=False)
# Codes tried at the two-factor step, per account (django-otp also slows down each device after a wrong code).
TWO_FACTOR_RATE = env("TWO_FACTOR_RATE", default="5/m")
OTP_TOTP_ISSUER = "MSP Manager"
# After this many wrong passwords for one account within an hour, its owner is e-mailed (once a day at most).
LOCKOUT_NOTICE_AFTER = env.int("LOCKOUT_NOTICE_AFTER", default=5)
# A session ends after this many seconds without a request. Activity is written down at most every
# SESSION_TOUCH_EVERY seconds (not on every request: that would cost every page a write).
SESSION_IDLE_TIMEOUT = env.int("SESSION_IDLE_TIMEOUT", default=8 * 3600)
SESSION_TOUCH_EVERY = 300
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT

# Password-reset links stay valid this long.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600
# Invitation links of partners and donors stay valid this many days (the secretariat may choose per invitation).
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=7)
# Uploaded documents (signed MoU scans, evidence of approvals, signatures and positions) larger than this many
# megabytes are refused (msp.uploads), as are spreadsheets to import larger than IMPORT_MAX_MB.
UPLOAD_MAX_MB = env.int("UPLOAD_MAX_MB", default=20)
IMPORT_MAX_MB = env.int("IMPORT_MAX_MB", default=5)
# Meeting papers larger than this many megabytes are refused (governance.services.meeting_papers).
MEETING_PAPER_MAX_MB = env.int("MEETING_PAPER_MAX_MB", default=20)
# The resources overview warns when the largest cash source holds more than this share of committed cash (0.5 = 50 %).
FUNDING_CONCENTRATION_THRESHOLD = env.float("FUNDING_CONCENTRATION_THRESHOLD", default=0.5)
# An indicator's traffic light: green at this progress (per cent of the way from baseline to target) or more, amber
# at MONITORING_AMBER_AT or more, red below (monitoring.progress).
MONITORING_GREEN_AT = env.int("MONITORING_GREEN_AT", default=90)
MONITORING_AMBER_AT = env.int("MONITORING_AMBER_AT", default=70)
# A period's actual value is overdue this many days after the period ended.
MONITORING_DATA_DUE_DAYS = env.int("MONITORING_DATA_DUE_DAYS", default=30)
# People are reminded of indicator data this many days before it falls due (inbox.reminders).
REMINDER_DATA_DUE_DAYS = env.int("REMINDER_DATA_DUE_DAYS", default=7)
# An open capacity gap not reviewed for this many months is flagged on its list (ME-5).
MONITORING_GAP_REVIEW_MONTHS = env.int("MONITORING_GAP_REVIEW_MONTHS", default=6)
# The partnering health check: an item whose members' mean score is at least PASS_AT passes, at least WARN_AT warns.
HEALTH_CHECK_PASS_AT = env.float("HEALTH_CHECK_PASS_AT", default=4)
HEALTH_CHECK_WARN_AT = env.float("HEALTH_CHECK_WARN_AT", default=3)

# Reports (monitoring.reports): a running report job that has not reported progress for this long is taken as lost
# (its worker died) and may be claimed again.
REPORT_STALLED_AFTER = env.int("REPORT_STALLED_AFTER", default=180)
# For tests only (tests/monitoring/reports/test_report_worker.py): seconds a report job waits after each progress step,
# so a test can kill a worker mid-job. Always 0 in production.
REPORT_TEST_STEP_DELAY = env.float("REPORT_TEST_STEP_DELAY", default=0)
