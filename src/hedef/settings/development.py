"""Settings for working on Hədəf and for the demo: ``DEBUG`` on, a secret key of its own.

- ``HEDEF_DEBUG``: ``DEBUG`` (default on).
- ``HEDEF_SECRET_KEY``: the secret key. Without it, a random key is made on first start
  and kept in ``HEDEF_DATA_DIR/secret_key``, so sessions, invitation links and signed
  workbooks survive restarts. Where the data dir cannot be written, the key lasts for
  the one process (with a warning).
"""

from __future__ import annotations

import os
import tempfile
import warnings
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.management.utils import get_random_secret_key

from hedef.settings.base import *  # noqa: F403
from hedef.settings.base import DATA_DIR
from hedef.settings.env import ENV


def kept_secret_key(path: Path) -> str:
    """The key stored in ``path``; on first use a new one, written so that no other
    process starting at the same moment can end up with a different key."""
    try:
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, draft = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as file:
                    file.write(get_random_secret_key() + "\n")
                try:
                    os.link(draft, path)  # never replaces a key that is already there
                except FileExistsError:
                    pass
            finally:
                os.unlink(draft)
        key = path.read_text("utf-8").strip()
    except OSError as error:
        warnings.warn(
            f"cannot keep a development secret key in {path} ({error.strerror}); this "
            "process uses one of its own; set HEDEF_SECRET_KEY or HEDEF_DATA_DIR to keep one",
            RuntimeWarning,
            stacklevel=1,
        )
        return get_random_secret_key()
    if not key:
        raise ImproperlyConfigured(f"{path} is empty; delete it or set HEDEF_SECRET_KEY")
    return key


DEBUG = ENV.flag("HEDEF_DEBUG", default=True)
SECRET_KEY = ENV.text("HEDEF_SECRET_KEY") or kept_secret_key(DATA_DIR / "secret_key")
