"""Settings for the HYTE portal, read from the environment.

Unset, every variable gives the embedded default for `make run`: SQLite, Celery tasks run
inline and e-mail written to files under var/mail/. Production (DJANGO_DEBUG=0) needs
DJANGO_SECRET_KEY and DJANGO_ALLOWED_HOSTS, and passes `manage.py check --deploy`.
"""

from pathlib import Path

import environ
from csp import constants as csp_constants
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
else:
    SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
    if not SECRET_KEY:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG=0.")

ALLOWED_HOSTS = env.list(
    "DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[SITE_URL])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so that its translation tabs take effect
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.forms",  # Django's widget templates for the project's form renderer (FORM_RENDERER below)
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "hyte_portal",
    "accounts",
    "networks",
    "events",
    "materials",
    "newsletter",
    "audit",
    "pages",
    "leading",
    "demo",  # development data for `manage.py seed_demo`; production code imports nothing from it
    "reports",
    "search",
]

MIDDLEWARE = [
    "hyte_portal.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "hyte_portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hyte_portal.middleware.SessionIdleTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "hyte_portal.middleware.StaffSecondFactorMiddleware",
    "hyte_portal.middleware.AdminQueryGuardMiddleware",
]

ROOT_URLCONF = "hyte_portal.urls"
WSGI_APPLICATION = "hyte_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hyte_portal.context_processors.site",
            ],
        },
    },
]

FORM_RENDERER = "hyte_portal.form_rendering.PortalFormRenderer"


# --- Database -------------------------------------------------------------------------------
def database_from_url(url):
    """DATABASES["default"] from DATABASE_URL: PostgreSQL (psycopg 3) or SQLite, nothing else."""
    scheme = url.partition("://")[0]
    if "://" not in url or scheme not in ("postgres", "postgresql", "pgsql", "sqlite"):
        raise ImproperlyConfigured("DATABASE_URL must look like postgres://user@host:5432/name or sqlite:///path.")
    try:
        return environ.Env.db_url_config(url)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL ({error}).") from None


DATABASES = {"default": database_from_url(env.str("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"))}
# Persistent connections: a new connection costs 3-4 ms and cold catalog caches on every request. Each gunicorn
# sync worker keeps one; the health check replaces a connection the server closed before it is used.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0 if DEBUG else 600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = env.bool("DATABASE_CONN_HEALTH_CHECKS", default=True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Redis: Celery broker and cache ---------------------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="")
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL  # embedded default: tasks run inline
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Helsinki"
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Sending tasks are acknowledged only when done (acks_late, reject_on_worker_lost above), so a task
# whose worker dies is handed to another worker once Redis' visibility timeout passes. Each sending
# task run stops after NEWSLETTER_TASK_SECONDS and queues its continuation, so the 30-minute timeout is
# longer than any run: a slow task is never handed out twice while it still works. A send whose worker
# died does not wait for it: the beat resumes it once the dead worker's claim (NEWSLETTER_CLAIM_SECONDS,
# renewed while a worker lives) has run out.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=1800)}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# How often the beat starts due newsletter issues and resumes sends whose worker died (seconds).
NEWSLETTER_CHECK_SECONDS = env.int("NEWSLETTER_CHECK_SECONDS", default=15)
CELERY_BEAT_SCHEDULE = {
    # events: keep the next three months of every active event series generated (idempotent)
    "events-generate-upcoming-occurrences": {
        "task": "events.tasks.generate_upcoming_occurrences",
        "schedule": 6 * 60 * 60,
        "kwargs": {"months": 3},
    },
    # events: the reminders the day before and an hour before
    "send-due-event-reminders": {"task": "events.tasks.send_due_reminders", "schedule": 300.0},
    # newsletter: start scheduled issues, and resume a send whose worker died (often: its claim is short)
    "start-due-newsletter-issues": {
        "task": "newsletter.tasks.start_due_issues",
        "schedule": float(NEWSLETTER_CHECK_SECONDS),
    },
    # events: certificates of the courses whose last session has ended (idempotent)
    "issue-due-certificates": {"task": "events.tasks.issue_due_certificates", "schedule": 15 * 60.0},
    # privacy by default: old enrolment answers, accounts never verified, newsletter sign-ups never confirmed
    "apply-retention": {"task": "accounts.tasks.apply_retention", "schedule": 24 * 3600.0},
}

# --- Newsletter and event reminders ---------------------------------------------------------
NEWSLETTER_SEND_RATE = env.float("NEWSLETTER_SEND_RATE", default=20.0)  # messages per second per send; 0 = no limit
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=100)  # messages per SMTP connection
NEWSLETTER_CONNECTIONS = env.int("NEWSLETTER_CONNECTIONS", default=2)  # batches sent side by side (PostgreSQL)
NEWSLETTER_TASK_SECONDS = env.int("NEWSLETTER_TASK_SECONDS", default=240)
# A sender's claim on a batch lasts this long and is renewed while it sends; a dead sender's batch is free after it.
# With the beat's check every NEWSLETTER_CHECK_SECONDS (15), a dead worker's send resumes within a minute.
NEWSLETTER_CLAIM_SECONDS = env.int("NEWSLETTER_CLAIM_SECONDS", default=40)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=5)  # per delivery, for transient failures
NEWSLETTER_RETRY_BACKOFF_SECONDS = env.int("NEWSLETTER_RETRY_BACKOFF_SECONDS", default=60)  # doubles per attempt
NEWSLETTER_BOUNCES_TO_UNSUBSCRIBE = 3  # permanent refusals in a row
NEWSLETTER_CONFIRMATION_DAYS = 7  # an unconfirmed sign-up is removed after this (accounts.retention)
NEWSLETTER_CONFIRMATION_RESEND_MINUTES = 10
EVENT_REMINDER_DAY_BEFORE_HOURS = env.int("EVENT_REMINDER_DAY_BEFORE_HOURS", default=24)
EVENT_REMINDER_HOUR_BEFORE_MINUTES = env.int("EVENT_REMINDER_HOUR_BEFORE_MINUTES", default=60)

# --- Self check-in and certificates (events.services.checkin, events.services.certificates) ----
CHECKIN_OPENS_MINUTES_BEFORE = env.int("CHECKIN_OPENS_MINUTES_BEFORE", default=15)  # before a session starts
CHECKIN_ATTEMPTS = env.int("CHECKIN_ATTEMPTS", default=10)  # per member in CHECKIN_ATTEMPTS_SECONDS
CHECKIN_ATTEMPTS_SECONDS = env.int("CHECKIN_ATTEMPTS_SECONDS", default=600)
CERTIFICATE_ISSUE_DAYS = env.int("CERTIFICATE_ISSUE_DAYS", default=30)  # the task looks this far back for courses

# --- Privacy by default (accounts.retention) ------------------------------------------------
ENROLLMENT_ANSWERS_RETENTION_DAYS = env.int("ENROLLMENT_ANSWERS_RETENTION_DAYS", default=30)  # after the event ends
UNVERIFIED_ACCOUNT_RETENTION_DAYS = env.int("UNVERIFIED_ACCOUNT_RETENTION_DAYS", default=7)  # after sign-up

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Pages for visitors without a session come from the cache (hyte_portal.page_cache): pages with seats left at
# most this stale, the others until their content changes or this many seconds pass. 0 turns the cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=60)
PAGE_CACHE_SEATS_SECONDS = env.int("PAGE_CACHE_SEATS_SECONDS", default=5)

# The benchmark's bare "ok" view at /bench/ok (make bench sets it); off everywhere else.
BENCH_BARE_VIEW = env.bool("BENCH_BARE_VIEW", default=False)

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)  # seconds; Django's default waits forever on a stuck server
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="HYTE <hyte@example.org>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)
EMAIL_REPLY_TO = env.str("EMAIL_REPLY_TO", default="hyte@example.org")
# Where the feedback form's messages go (the contact page, the accessibility statement's feedback).
FEEDBACK_EMAIL = env.str("FEEDBACK_EMAIL", default=EMAIL_REPLY_TO)
# The domain that ends the UID of every calendar entry (event-<id>@<domain>). Set it once and keep it: a calendar
# program takes an entry with another UID for a new event. It does not follow SITE_URL, so moving the site is safe.
CALENDAR_UID_DOMAIN = env.str("CALENDAR_UID_DOMAIN", default=DEFAULT_FROM_EMAIL.rpartition("@")[2].strip(" >"))
if env.str("EMAIL_URL", default=""):
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.filebased.EmailBackend")
    EMAIL_FILE_PATH = env.str("EMAIL_FILE_PATH", default=str(VAR_DIR / "mail"))

# --- Accounts (django-allauth) --------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:my_page"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[HYTE] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupExtraForm"
# allauth's rate limits stay on (its defaults); they live in the cache. Failed logins count per account and
# address of origin together (accounts.adapter), so that nobody can lock out a member from elsewhere.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_email": "5/m/ip",
    "change_email": "1/m/user",
    # Our own: sign-up messages (verification, "account already exists") to one address, whoever asks.
    "signup_mail": "3/h/key",
}

# Second factor (allauth.mfa): TOTP with recovery codes, or a security key (WebAuthn, through the fido2 package
# that allauth's "mfa" extra brings), compulsory for staff (StaffSecondFactorMiddleware), optional for members from
# My page. A key is bound to the host name the portal is served on (its WebAuthn "relying party").
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_TOTP_ISSUER = env.str("MFA_TOTP_ISSUER", default="HYTE")
MFA_RECOVERY_CODE_COUNT = 10

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time ---------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Helsinki"
# Our date formats per language (hyte_portal/formats/<lang>/formats.py): English with the day first and a 24-hour
# clock, Swedish as written in Finland. Templates use the named formats (DATE_FORMAT, SHORT_DATETIME_FORMAT...).
FORMAT_MODULE_PATH = ["hyte_portal.formats"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "fi"
MODELTRANSLATION_LANGUAGES = ("fi", "sv", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fi",)
# The admin's translation tabs need jQuery UI: served from static/vendor (1.13.3, MIT), never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("DJANGO_STATIC_ROOT", default=VAR_DIR / "static")
MEDIA_ROOT = env.path("DJANGO_MEDIA_ROOT", default=VAR_DIR / "media")
MEDIA_URL = "/media/"  # never served directly: downloads go through a view with a permission check
WHITENOISE_USE_FINDERS = True  # static/ is served as is in development; production serves the collected files
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Materials (material bank) -------------------------------------------------------------
# The largest file staff may upload to the material bank, in bytes (default 50 MB). The web server in front
# (nginx client_max_body_size or the like) must allow at least this much.
MATERIALS_MAX_UPLOAD_BYTES = env.int("MATERIALS_MAX_UPLOAD_BYTES", default=50 * 1024 * 1024)

# --- Security (production) ------------------------------------------------------------------
# DJANGO_SECURE_COOKIES=0 only for a production-mode run on plain-HTTP loopback (`make up`), never behind TLS.
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies of ours stand in front of the portal; every rate limit reads the visitor's address
# from X-Forwarded-For accordingly (hyte_portal.client_address). 0 = REMOTE_ADDR is the visitor.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy (django-csp): only the portal's own files, no inline script or style anywhere. A view
# that serves a file of its own sets a stricter policy (material downloads are sandboxed), which is kept.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp_constants.SELF],
        "script-src": [csp_constants.SELF],
        "style-src": [csp_constants.SELF],
        "img-src": [csp_constants.SELF, "data:"],  # data: for the QR code of the second-factor set-up
        "font-src": [csp_constants.SELF],
        "connect-src": [csp_constants.SELF],
        "object-src": [csp_constants.NONE],
        "base-uri": [csp_constants.SELF],
        "form-action": [csp_constants.SELF],
        "frame-ancestors": [csp_constants.NONE],
    },
}
# A session left idle ends: staff after 8 hours by default, members after 14 days.
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=8 * 3600)
MEMBER_SESSION_IDLE_SECONDS = env.int("MEMBER_SESSION_IDLE_SECONDS", default=14 * 24 * 3600)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
}
