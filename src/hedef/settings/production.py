"""Settings for serving Hədəf to its users, behind a proxy that terminates HTTPS.

Required (start-up stops with ``ImproperlyConfigured`` naming what is missing):

- ``HEDEF_SECRET_KEY``: a long random string of this installation's own.
- ``HEDEF_AUDIT_KEY``: the key of the audit log's hash chain (HMAC), another long random
  string, different from the secret key.
- ``HEDEF_ALLOWED_HOSTS``: the host names Hədəf is reached at, comma-separated.

Optional:

- ``HEDEF_PROXY_SSL_HEADER`` (default ``X-Forwarded-Proto``): the header in which the
  proxy tells whether the visitor came over HTTPS (value ``https``). The proxy must set
  it on every request, replacing whatever the visitor sent. ``none``: no such header,
  every request counts as plain HTTP.
- ``HEDEF_HTTPS`` (default on): visitors use HTTPS, so the session and CSRF cookies are
  sent over HTTPS only and HTTPS responses carry ``Strict-Transport-Security``.
- ``HEDEF_HSTS_SECONDS`` (default 31536000, a year; 0 sends no such header).
- ``HEDEF_HSTS_INCLUDE_SUBDOMAINS``, ``HEDEF_HSTS_PRELOAD`` (default off): add
  ``includeSubDomains`` and ``preload`` to that header; they bind every subdomain, and
  the browsers' preload list, so they are a decision about the whole domain.
- ``HEDEF_SSL_REDIRECT`` (default off): Django redirects plain HTTP to HTTPS itself;
  by default the proxy is expected to do that.
- ``HEDEF_CSRF_TRUSTED_ORIGINS``: further origins (``https://host``) allowed to post
  forms; the origin of ``HEDEF_BASE_URL`` always is.

``DEBUG`` is always off (``HEDEF_DEBUG`` is not read).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from hedef.settings.base import *  # noqa: F403
from hedef.settings.base import HEDEF_BASE_URL
from hedef.settings.env import ENV

# The key the settings shipped with before there was a production module: public.
_public_keys = {"insecure-development-key-change-me"}

DEBUG = False
SECRET_KEY = ENV.required(
    "HEDEF_SECRET_KEY",
    "production settings need a secret key of this installation's own, e.g. from "
    "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`",
)
if SECRET_KEY in _public_keys or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured("HEDEF_SECRET_KEY is a published example key; make a new one")
HEDEF_AUDIT_KEY = ENV.required(
    "HEDEF_AUDIT_KEY",
    "production settings need a key for the audit log's hash chain, another long random "
    "string, different from HEDEF_SECRET_KEY",
)
if HEDEF_AUDIT_KEY == SECRET_KEY:
    raise ImproperlyConfigured("HEDEF_AUDIT_KEY must differ from HEDEF_SECRET_KEY")
ALLOWED_HOSTS = ENV.items("HEDEF_ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "HEDEF_ALLOWED_HOSTS is not set: list the host names Hədəf is reached at, "
        "comma-separated (e.g. hedef.example.az)"
    )

_proxy_header = ENV.text("HEDEF_PROXY_SSL_HEADER", "X-Forwarded-Proto")
SECURE_PROXY_SSL_HEADER = (
    None
    if _proxy_header.lower() == "none"
    else ("HTTP_" + _proxy_header.upper().replace("-", "_"), "https")
)
_https = ENV.flag("HEDEF_HTTPS", default=True)
SESSION_COOKIE_SECURE = _https
CSRF_COOKIE_SECURE = _https
SECURE_HSTS_SECONDS = ENV.integer("HEDEF_HSTS_SECONDS", 31_536_000) if _https else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = ENV.flag("HEDEF_HSTS_INCLUDE_SUBDOMAINS")
SECURE_HSTS_PRELOAD = ENV.flag("HEDEF_HSTS_PRELOAD")
SECURE_SSL_REDIRECT = ENV.flag("HEDEF_SSL_REDIRECT")
# What `check --deploy` would list though it is decided on purpose (README, "Deployment").
SILENCED_SYSTEM_CHECKS = []
if not SECURE_SSL_REDIRECT:
    SILENCED_SYSTEM_CHECKS.append("security.W008")  # the proxy redirects to HTTPS
if SECURE_HSTS_SECONDS and not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS.append("security.W005")  # subdomains: the domain's decision
if SECURE_HSTS_SECONDS and not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")  # the preload list: the same

_base = urlsplit(HEDEF_BASE_URL)
CSRF_TRUSTED_ORIGINS = [
    f"{_base.scheme}://{_base.netloc}",
    *ENV.items("HEDEF_CSRF_TRUSTED_ORIGINS"),
]
