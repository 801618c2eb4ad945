"""Django settings for Hədəf.

Configuration comes from the environment, read once here:

- ``HEDEF_DATA_DIR``: where the SQLite database and uploads live (default ``./var``).
- ``DATABASE_URL``: a database URL; PostgreSQL in production
  (``postgres://user:pass@host:5432/hedef``). Without it, SQLite in the data dir.
- ``HEDEF_SECRET_KEY``, ``HEDEF_DEBUG``, ``HEDEF_ALLOWED_HOSTS`` (comma-separated).
- ``HEDEF_DEMO``: set by ``hedef demo``; every page then carries a demo-data banner.
- ``HEDEF_BASE_URL``: the address people reach Hədəf at, for links in e-mails.
- ``HEDEF_OPERATOR_TOTP``: operators must pass a TOTP second factor (default on).
- ``HEDEF_EMAIL_URL``: where e-mail goes, e.g. ``smtp://user:pass@host:587?tls=1``,
  ``smtps://…`` or ``console://`` (the default); else the usual ``EMAIL_HOST``,
  ``EMAIL_PORT``, ``EMAIL_HOST_USER``, ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``,
  ``EMAIL_USE_SSL`` and ``DEFAULT_FROM_EMAIL``.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("HEDEF_DATA_DIR", Path.cwd() / "var")).resolve()


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("HEDEF_SECRET_KEY", "insecure-development-key-change-me")
DEBUG = _flag("HEDEF_DEBUG")
HEDEF_DEMO = _flag("HEDEF_DEMO")
ALLOWED_HOSTS = os.environ.get("HEDEF_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "hedef.middleware.LoginRequiredMiddleware",
    "hedef.accounts.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'hedef.sqlite3'}",
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
STATIC_ROOT = os.environ.get("HEDEF_STATIC_ROOT") or None
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
# An agency API token is valid this many days from its issue, unless issued for fewer.
HEDEF_API_TOKEN_DAYS = int(os.environ.get("HEDEF_API_TOKEN_DAYS", "365"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

NINJA_PAGINATION_PER_PAGE = 50
NINJA_PAGINATION_MAX_LIMIT = 500

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("HEDEF_LOG_LEVEL", "WARNING")},
}

# ---- e-mail (invitations, reminders) -----------------------------------------------------


def _email_settings(url: str) -> dict[str, object]:
    """Django's e-mail settings from ``HEDEF_EMAIL_URL`` or the usual EMAIL_* variables."""
    if not url and os.environ.get("EMAIL_HOST"):
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": os.environ["EMAIL_HOST"],
            "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "25")),
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": _flag("EMAIL_USE_TLS"),
            "EMAIL_USE_SSL": _flag("EMAIL_USE_SSL"),
        }
    parts = urlsplit(url or "console://")
    if parts.scheme in {"smtp", "smtps"}:
        query = parse_qs(parts.query)
        return {
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_SSL": parts.scheme == "smtps",
            "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in {"1", "true", "yes"},
        }
    backends = {"console": "console", "locmem": "locmem", "dummy": "dummy"}
    if parts.scheme not in backends:
        raise ValueError(f"HEDEF_EMAIL_URL: unknown scheme {parts.scheme!r} (smtp, smtps, console)")
    return {"EMAIL_BACKEND": f"django.core.mail.backends.{backends[parts.scheme]}.EmailBackend"}


globals().update(_email_settings(os.environ.get("HEDEF_EMAIL_URL", "")))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Hədəf <hedef@localhost>")
HEDEF_BASE_URL = os.environ.get("HEDEF_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

# ---- second factor ------------------------------------------------------------------------
HEDEF_OPERATOR_TOTP = _flag("HEDEF_OPERATOR_TOTP", default=True)
# Demo only: the demo's operator accounts may sign in without a second factor, so that
# the demo works without an authenticator app. Empty unless HEDEF_DEMO is set.
HEDEF_DEMO_TOTP_EXEMPT_USERS = ("operator", "analyst") if HEDEF_DEMO else ()
