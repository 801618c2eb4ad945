"""Settings every Hədəf process shares; ``development``, ``test`` and ``production`` add theirs.

Read from the environment (through ``hedef.settings.env``):

- ``HEDEF_DATA_DIR``: where the SQLite database and uploads live (default ``./var``).
- ``DATABASE_URL``: a database URL; PostgreSQL in production
  (``postgres://user:pass@host:5432/hedef``). Without it, SQLite in the data dir.
- ``HEDEF_ALLOWED_HOSTS`` (comma-separated; default ``localhost,127.0.0.1,[::1]``).
- ``HEDEF_DEMO``: set by ``hedef demo``; every page then carries a demo-data banner.
- ``HEDEF_BASE_URL``: the address people reach Hədəf at, for links in e-mails.
- ``HEDEF_OPERATOR_TOTP``: operators must pass a TOTP second factor (default on).
- ``HEDEF_TOTP_REQUIRED_ROLES``: other roles that must too, comma-separated
  (``focal_person,leadership``); anyone may enrol, and then always types a code.
- ``HEDEF_SIGNIN_FAILURE_LIMIT`` (5) and ``HEDEF_SIGNIN_COOLOFF_MINUTES`` (15): wrong
  passwords or codes, per account and per address, before sign-in is locked, and for how long.
- ``HEDEF_EMAIL_URL``: where e-mail goes, e.g. ``smtp://user:pass@host:587?tls=1``,
  ``smtps://…`` or ``console://`` (the default); else the usual ``EMAIL_HOST``,
  ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``,
  ``EMAIL_USE_SSL`` and ``DEFAULT_FROM_EMAIL``.
- ``HEDEF_AUDIT_KEY``: the audit chain's HMAC key, never stored in the database;
  required in production (``check --deploy``), else generated into the data dir.
- ``HEDEF_AUDIT_WITNESS_FILE``, ``HEDEF_AUDIT_WITNESS_EMAIL``: where each published
  cycle's audit head is also sent (an append-only file, an address).
- ``HEDEF_STATIC_ROOT`` (for ``collectstatic``), ``HEDEF_LOG_LEVEL`` (default ``WARNING``).
- ``HEDEF_SESSION_IDLE_MINUTES`` (default 30): a session unused for that long ends.
- ``HEDEF_TRUSTED_PROXY_HEADER`` (e.g. ``X-Forwarded-For``) and ``HEDEF_TRUSTED_PROXIES``
  (addresses or networks): the client's address is taken from that header, but only on
  requests that come from one of those proxies (``hedef.core.client_address``).

No secret key here: each of the other modules sets its own.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from hedef.settings.env import ENV

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = ENV.path("HEDEF_DATA_DIR", Path.cwd() / "var")

DEBUG = False
HEDEF_DEMO = ENV.flag("HEDEF_DEMO")
ALLOWED_HOSTS = ENV.items("HEDEF_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "hedef.core",
    "hedef.agencies",
    "hedef.accounts",
    "hedef.plans",
    "hedef.ingest",
    "hedef.evaluation",
    "hedef.reports",
    "hedef.publishing",
    "hedef.monitoring",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "hedef.middleware.PrivateByDefaultMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hedef.accounts.idle.IdleSessionMiddleware",
    "hedef.middleware.LoginRequiredMiddleware",
    "hedef.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hedef.urls"
WSGI_APPLICATION = "hedef.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hedef.context_processors.site",
                "hedef.monitoring.context_processors.reporting_nav",
            ],
            "builtins": ["hedef.plans.templatetags.plan_tags"],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        ENV.text("DATABASE_URL", f"sqlite:///{DATA_DIR / 'hedef.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].update({"timeout": 20, "transaction_mode": "IMMEDIATE"})

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "plans:home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "az"
LANGUAGES = [("az", _("Azerbaijani")), ("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Baku"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# HEDEF_STATIC_ROOT is for `collectstatic` in production; otherwise WhiteNoise uses the finders.
STATIC_ROOT = ENV.text("HEDEF_STATIC_ROOT") or None
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True

DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
HEDEF_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
HEDEF_MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
HEDEF_MAX_WORKBOOK_BYTES = 10 * 1024 * 1024
HEDEF_AUDIT_KEY = ENV.text("HEDEF_AUDIT_KEY", "")
HEDEF_AUDIT_WITNESS_FILE = ENV.text("HEDEF_AUDIT_WITNESS_FILE", "")
HEDEF_AUDIT_WITNESS_EMAIL = ENV.text("HEDEF_AUDIT_WITNESS_EMAIL", "")
# An agency API token is valid this many days from its issue, unless issued for fewer.
HEDEF_API_TOKEN_DAYS = ENV.integer("HEDEF_API_TOKEN_DAYS", 365)

SESSION_COOKIE_HTTPONLY = True
# An idle timeout: a session ends that long after it was last saved, and requests save
# it again (hedef.accounts.idle), so a session unused for that long is gone.
SESSION_IDLE_MINUTES = ENV.integer("HEDEF_SESSION_IDLE_MINUTES", 30)
if SESSION_IDLE_MINUTES < 1:
    raise ImproperlyConfigured("HEDEF_SESSION_IDLE_MINUTES must be at least 1")
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Scripts, styles and everything else from Hədəf's own address only: no inline script or
# style (the templates have none; the charts' Vega expressions are interpreted rather
# than compiled with eval, see static/hedef/dashboards.js). The directives that do not
# fall back to default-src are set too.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# The client's address behind a proxy (hedef.core.client_address); without both, the
# address is the connection's own (REMOTE_ADDR).
HEDEF_TRUSTED_PROXY_HEADER = ENV.text("HEDEF_TRUSTED_PROXY_HEADER")
HEDEF_TRUSTED_PROXIES = ENV.networks("HEDEF_TRUSTED_PROXIES")
if HEDEF_TRUSTED_PROXY_HEADER and not HEDEF_TRUSTED_PROXIES:
    raise ImproperlyConfigured(
        "HEDEF_TRUSTED_PROXY_HEADER is set but HEDEF_TRUSTED_PROXIES is not: list the "
        "addresses of the proxies allowed to set it (e.g. 127.0.0.1)"
    )

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": ENV.text("HEDEF_LOG_LEVEL", "WARNING")},
}

# ---- e-mail (invitations, reminders) -----------------------------------------------------
_email = ENV.email()
EMAIL_BACKEND = _email.backend
EMAIL_HOST = _email.host
EMAIL_PORT = _email.port
EMAIL_HOST_USER = _email.user
EMAIL_HOST_PASSWORD = _email.password
EMAIL_USE_TLS = _email.use_tls
EMAIL_USE_SSL = _email.use_ssl
DEFAULT_FROM_EMAIL = ENV.text("DEFAULT_FROM_EMAIL", "Hədəf <hedef@localhost>", strip=False)
HEDEF_BASE_URL = ENV.text("HEDEF_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# ---- second factor ------------------------------------------------------------------------
HEDEF_OPERATOR_TOTP = ENV.flag("HEDEF_OPERATOR_TOTP", default=True)
# Demo only: the demo's operator accounts may sign in without a second factor, so that
# the demo works without an authenticator app. Empty unless HEDEF_DEMO is set.
HEDEF_DEMO_TOTP_EXEMPT_USERS = ("operator", "analyst") if HEDEF_DEMO else ()
HEDEF_TOTP_REQUIRED_ROLES = tuple(ENV.items("HEDEF_TOTP_REQUIRED_ROLES"))
# Authenticators are django-otp TOTP devices (hedef.accounts.services); the name the
# authenticator app shows beside the account.
OTP_TOTP_ISSUER = "Hədəf"

# ---- sign-in throttling (django-axes) ---------------------------------------------------
# Wrong passwords and wrong second-factor codes count alike, per account and per address
# (either reaching the limit locks).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = ENV.integer("HEDEF_SIGNIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=ENV.integer("HEDEF_SIGNIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
# Failures are forgiven when the whole sign-in succeeds (hedef.accounts.signin), not
# at the password alone: that would renew the count of wrong codes.
AXES_RESET_ON_SUCCESS = False
AXES_LOCKOUT_CALLABLE = "hedef.accounts.views.locked_out"
AXES_VERBOSE = False
# Its admin pages are registered by hedef.accounts, audited (unlocking is a write).
AXES_ENABLE_ADMIN = False
