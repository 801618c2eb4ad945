"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), with the standard library only.

Operators sign in with a password and a six-digit code from an authenticator app.
The app and the server share a random secret (written in base32 for people); both
compute HMAC-SHA1 over the number of 30-second steps since the Unix epoch.
Nothing here talks to a network or reads a clock: callers pass the time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct
from urllib.parse import quote, urlencode

__all__ = [
    "DIGITS",
    "STEP_SECONDS",
    "generate_secret",
    "hotp",
    "provisioning_uri",
    "totp",
    "verify",
]

STEP_SECONDS = 30
DIGITS = 6
SECRET_BYTES = 20  # 160 bits, the size RFC 4226 recommends for HMAC-SHA1


def generate_secret() -> str:
    """A new random shared secret, base32 without padding (what authenticator apps expect)."""
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").rstrip("=")


def _key(secret: str) -> bytes:
    cleaned = secret.replace(" ", "").upper()
    return base64.b32decode(cleaned + "=" * (-len(cleaned) % 8))


def hotp(key: bytes, counter: int, *, digits: int = DIGITS, digest: str = "sha1") -> str:
    """The HOTP value of ``counter`` under ``key`` (RFC 4226 section 5.3), zero-padded."""
    mac = hmac.new(key, struct.pack(">Q", counter), getattr(hashlib, digest)).digest()
    offset = mac[-1] & 0x0F
    code = struct.unpack(">I", mac[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(code % 10**digits).zfill(digits)


def totp(secret: str, at: float, *, digits: int = DIGITS, step: int = STEP_SECONDS) -> str:
    """The code an authenticator app shows at Unix time ``at`` (seconds) for ``secret``."""
    return hotp(_key(secret), int(at // step), digits=digits)


def verify(
    secret: str,
    code: str,
    at: float,
    *,
    last_step: int | None = None,
    window: int = 1,
    step: int = STEP_SECONDS,
) -> int | None:
    """Check ``code`` against ``secret`` at time ``at``.

    Args:
        secret: the shared secret, base32.
        code: what the person typed; spaces are ignored.
        at: Unix time in seconds.
        last_step: the time step of the last code accepted for this secret; that
            step and earlier ones are refused, so a code cannot be replayed.
        window: how many steps of clock drift to tolerate on either side.
        step: seconds per step.

    Returns:
        The time step the code belongs to (store it as the next ``last_step``),
        or ``None`` when the code is wrong, stale or already used.
    """
    typed = code.replace(" ", "")
    if not typed.isdigit() or len(typed) != DIGITS:
        return None
    try:
        key = _key(secret)
    except (ValueError, TypeError):
        return None
    current = int(at // step)
    for candidate in range(current - window, current + window + 1):
        if candidate < 0 or (last_step is not None and candidate <= last_step):
            continue
        if hmac.compare_digest(hotp(key, candidate), typed):
            return candidate
    return None


def provisioning_uri(secret: str, account: str, issuer: str) -> str:
    """The ``otpauth://`` URI that enrols ``secret`` in an authenticator app."""
    label = quote(f"{issuer}:{account}", safe="")
    query = urlencode(
        {
            "secret": secret,
            "issuer": issuer,
            "algorithm": "SHA1",
            "digits": DIGITS,
            "period": STEP_SECONDS,
        },
        quote_via=quote,
    )
    return f"otpauth://totp/{label}?{query}"
