"""The client's address: the connection's own, unless a trusted proxy passes it on."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from hedef.core.actors import Actor
from hedef.core.client_address import client_address

PROXIES = ["127.0.0.1", "10.0.0.0/8", "2001:db8:1::/48"]


def request(remote, forwarded=None, header="HTTP_X_FORWARDED_FOR"):
    extra = {header: forwarded} if forwarded is not None else {}
    made = RequestFactory().get("/", REMOTE_ADDR=remote, **extra)
    made.user = AnonymousUser()
    return made


@pytest.mark.parametrize(
    ("remote", "forwarded", "expected"),
    [
        # the connection's own address when no proxy stands in between
        ("203.0.113.7", None, "203.0.113.7"),
        # a visitor cannot claim another address by sending the header itself
        ("203.0.113.7", "192.0.2.1", "203.0.113.7"),
        # through the proxy: the address it was reached from
        ("127.0.0.1", "203.0.113.7", "203.0.113.7"),
        # the visitor's own entries stand to the left and are ignored
        ("127.0.0.1", "192.0.2.1, 203.0.113.7", "203.0.113.7"),
        # through two trusted proxies: the right-most address that is not one of them
        ("127.0.0.1", "192.0.2.1, 203.0.113.7, 10.1.2.3", "203.0.113.7"),
        # IPv6, with ports, and IPv4 written as IPv6
        ("2001:db8:1::5", "2001:db8:99::1", "2001:db8:99::1"),
        ("127.0.0.1", "[2001:db8:99::1]:4711", "2001:db8:99::1"),
        ("127.0.0.1", "203.0.113.7:4711", "203.0.113.7"),
        ("127.0.0.1", "::ffff:203.0.113.7", "203.0.113.7"),
        # a header of trusted addresses only: the farthest of them
        ("127.0.0.1", "10.0.0.9, 10.0.0.8", "10.0.0.9"),
        # no header or an empty one from the proxy: the proxy itself
        ("127.0.0.1", None, "127.0.0.1"),
        ("127.0.0.1", "", "127.0.0.1"),
        # garbage in the chain: the last hop that can be vouched for
        ("127.0.0.1", "203.0.113.7, not-an-address", "127.0.0.1"),
        ("127.0.0.1", "not-an-address, 10.0.0.9", "10.0.0.9"),
    ],
)
def test_the_client_address(settings, remote, forwarded, expected):
    settings.HEDEF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.HEDEF_TRUSTED_PROXIES = PROXIES
    assert client_address(request(remote, forwarded)) == expected


def test_without_a_configured_header_the_connection_address_counts(settings):
    settings.HEDEF_TRUSTED_PROXY_HEADER = ""
    settings.HEDEF_TRUSTED_PROXIES = PROXIES
    assert client_address(request("127.0.0.1", "203.0.113.7")) == "127.0.0.1"


def test_another_header_than_the_configured_one_is_ignored(settings):
    settings.HEDEF_TRUSTED_PROXY_HEADER = "X-Real-IP"
    settings.HEDEF_TRUSTED_PROXIES = PROXIES
    assert client_address(request("127.0.0.1", "203.0.113.7")) == "127.0.0.1"
    real = request("127.0.0.1", "203.0.113.7", header="HTTP_X_REAL_IP")
    assert client_address(real) == "203.0.113.7"


def test_the_audit_source_is_the_client_address(settings):
    settings.HEDEF_TRUSTED_PROXY_HEADER = "X-Forwarded-For"
    settings.HEDEF_TRUSTED_PROXIES = PROXIES
    behind_proxy = request("127.0.0.1", "192.0.2.1, 203.0.113.7")
    assert Actor.from_request(behind_proxy).source == "203.0.113.7"
    assert Actor.from_request(behind_proxy, source="plan.xlsx").source == "plan.xlsx (203.0.113.7)"
