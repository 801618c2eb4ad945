"""The authenticator (a django-otp TOTP device): which codes it accepts and how it is enrolled."""

import base64
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from hedef.accounts.services import (
    totp_device_accept,
    totp_enrolment_device,
    totp_secret,
    totp_uri,
)
from tests.helpers.accounts import code_for, enrol

AT = 1_800_000_000  # a Unix time on a step boundary (divisible by 30)

# RFC 6238 appendix B, SHA-1 rows, for the ASCII key "12345678901234567890": (Unix time,
# the eight-digit code, of which a six-digit authenticator shows the last six digits).
RFC_KEY = b"12345678901234567890"
RFC_VECTORS = [
    (59, "94287082"),
    (1111111109, "07081804"),
    (1111111111, "14050471"),
    (1234567890, "89005924"),
    (2000000000, "69279037"),
    (20000000000, "65353130"),
]


@pytest.fixture
def device(users):
    return enrol(users["operator_analyst"])


@pytest.mark.parametrize(("at", "code"), RFC_VECTORS)
def test_the_rfc_6238_codes_are_accepted_at_their_time(users, at, code):
    """The devices are configured as authenticator apps expect: SHA-1, 30 s, from t0 = 0."""
    device = enrol(users["operator_analyst"])
    device.key = RFC_KEY.hex()
    device.save()
    assert totp_device_accept(device, code[-6:], at=at)


@pytest.mark.parametrize(
    ("typed_at", "accepted"),
    [(AT, True), (AT + 30, True), (AT - 30, True), (AT + 60, False), (AT - 60, False)],
)
def test_a_code_is_accepted_in_its_step_and_one_step_either_side(device, typed_at, accepted):
    assert totp_device_accept(device, code_for(device, AT), at=typed_at) is accepted


def test_a_used_code_cannot_be_replayed(device):
    code = code_for(device, AT)
    assert totp_device_accept(device, code, at=AT)
    assert not totp_device_accept(device, code, at=AT)
    assert not totp_device_accept(device, code_for(device, AT - 30), at=AT)  # nor an older one
    assert totp_device_accept(device, code_for(device, AT + 30), at=AT + 30)  # the next one works


@pytest.mark.parametrize(
    "typed", ["", "12345", "1234567", "abcdef", "12 34 5x", "١٢٣٤٥٦", "-12345"]
)
def test_malformed_codes_are_refused(device, typed):
    assert not totp_device_accept(device, typed, at=AT)


def test_spaces_in_a_typed_code_are_ignored(device):
    code = code_for(device, AT)
    assert totp_device_accept(device, f" {code[:3]} {code[3:]} ", at=AT)


def test_the_enrolment_link_names_issuer_account_and_key(device):
    uri = totp_uri(device)
    parsed = urlparse(uri)
    assert parsed.scheme == "otpauth" and parsed.netloc == "totp"
    assert unquote(parsed.path) == "/Hədəf:analyst1"
    query = parse_qs(parsed.query)
    assert query["secret"] == [totp_secret(device)]
    assert query["issuer"] == ["Hədəf"]
    assert query["digits"] == ["6"] and query["period"] == ["30"]
    assert query["algorithm"] == ["SHA1"]


def test_the_enrolment_key_is_a_new_160_bit_secret_kept_until_confirmed(users):
    analyst = users["operator_analyst"]
    device = totp_enrolment_device(analyst)
    secret = totp_secret(device)
    assert len(base64.b32decode(secret + "=" * (-len(secret) % 8))) == 20
    assert "=" not in secret
    assert totp_enrolment_device(analyst).pk == device.pk  # the page shown again: same key
    assert totp_secret(totp_enrolment_device(users["leadership"])) != secret
