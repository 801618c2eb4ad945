"""TOTP (RFC 6238) and HOTP (RFC 4226) against the RFCs' own test vectors."""

import base64
from urllib.parse import parse_qs, urlparse

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hedef.domain.accounts import totp

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()

# RFC 4226 appendix D: HOTP values for counters 0..9 of the ASCII secret "1234567890...".
HOTP_VECTORS = [
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489",
]  # fmt: skip

# RFC 6238 appendix B, SHA-1 rows: (Unix time, eight-digit code).
TOTP_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]


@pytest.mark.parametrize(("counter", "expected"), list(enumerate(HOTP_VECTORS)))
def test_hotp_matches_rfc_4226(counter, expected):
    assert totp.hotp(b"12345678901234567890", counter) == expected


@pytest.mark.parametrize(("at", "expected"), TOTP_VECTORS)
def test_totp_matches_rfc_6238(at, expected):
    assert totp.totp(RFC_SECRET, at, digits=8) == expected


def test_a_code_is_accepted_in_its_step_and_one_step_either_side():
    secret = totp.generate_secret()
    at = 1_800_000_000
    code = totp.totp(secret, at)
    assert totp.verify(secret, code, at) == at // 30
    assert totp.verify(secret, code, at + 30) == at // 30
    assert totp.verify(secret, code, at - 30) == at // 30
    assert totp.verify(secret, code, at + 90) is None


def test_a_used_code_cannot_be_replayed():
    secret = totp.generate_secret()
    at = 1_800_000_000
    step = totp.verify(secret, totp.totp(secret, at), at)
    assert totp.verify(secret, totp.totp(secret, at), at, last_step=step) is None


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "12 34 5x"])
def test_malformed_codes_are_refused(typed):
    assert totp.verify(totp.generate_secret(), typed, 1_800_000_000) is None


def test_spaces_in_a_typed_code_are_ignored():
    secret = totp.generate_secret()
    code = totp.totp(secret, 1_800_000_000)
    assert totp.verify(secret, f"{code[:3]} {code[3:]}", 1_800_000_000) is not None


def test_provisioning_uri_names_issuer_account_and_secret():
    uri = totp.provisioning_uri("JBSWY3DPEHPK3PXP", "analyst@gov.az", "Hədəf")
    parsed = urlparse(uri)
    assert parsed.scheme == "otpauth" and parsed.netloc == "totp"
    query = parse_qs(parsed.query)
    assert query["secret"] == ["JBSWY3DPEHPK3PXP"]
    assert query["issuer"] == ["Hədəf"]
    assert query["digits"] == ["6"] and query["period"] == ["30"]


def test_generated_secrets_are_160_bit_base32():
    secret = totp.generate_secret()
    assert len(base64.b32decode(secret + "=" * (-len(secret) % 8))) == 20
    assert secret != totp.generate_secret()


@given(st.integers(min_value=0, max_value=2**33))
def test_the_current_code_always_verifies(at):
    assert totp.verify(RFC_SECRET, totp.totp(RFC_SECRET, at), at) == at // 30
