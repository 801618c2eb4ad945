"""Settings for the test suite (``pytest``, see ``pyproject.toml``).

A fixed, public secret key and audit chain key, so that everything signed is the same on
every run (and no test writes a generated key into a data dir); the
fastest password hasher, since the tests create many accounts. The environment still
chooses the database (``DATABASE_URL``), as for the other settings.
"""

from __future__ import annotations

from hedef.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "hedef-tests-only-not-a-secret"
HEDEF_AUDIT_KEY = "test-audit-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
