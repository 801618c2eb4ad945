"""The address of the person behind a request, also when a proxy stands in between.

Behind a proxy every connection comes from the proxy, so ``REMOTE_ADDR`` is the proxy's
address for everyone. The proxy passes the client's address on in a header
(``X-Forwarded-For: client, proxy1, proxy2``, each hop appending the address it was
reached from), but anybody can send that header too. So the header counts only when
it is named by ``HEDEF_TRUSTED_PROXY_HEADER`` and the request came from one of
``HEDEF_TRUSTED_PROXIES``; then the address is the right-most one in the header that is
not itself a trusted proxy: the last one a trusted proxy vouches for. Whatever stands to
its left was written by the client and is ignored.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def client_address(request: HttpRequest) -> str:
    """The client's IP address: ``REMOTE_ADDR``, or what a trusted proxy says it is."""
    remote = request.META.get("REMOTE_ADDR", "")
    header = settings.HEDEF_TRUSTED_PROXY_HEADER
    proxies = _networks(tuple(settings.HEDEF_TRUSTED_PROXIES))
    if not header or not _is_trusted(_address(remote), proxies):
        return remote
    forwarded = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    nearest = remote
    for hop in reversed(forwarded.split(",")):
        address = _address(hop)
        if address is None:  # garbage: the hop that passed it on is all one can vouch for
            return nearest
        if not _is_trusted(address, proxies):
            return str(address)
        nearest = str(address)
    return nearest


@lru_cache(maxsize=8)
def _networks(items: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(item, strict=False) for item in items)


def _is_trusted(address: Address | None, proxies: tuple[Network, ...]) -> bool:
    return address is not None and any(address in network for network in proxies)


def _address(text: str) -> Address | None:
    """An address as proxies write it: ``192.0.2.1``, ``2001:db8::1``, also with a port
    (``192.0.2.1:4711``, ``[2001:db8::1]:4711``); ``None`` for anything else."""
    text = text.strip()
    if text.startswith("["):
        text = text[1:].partition("]")[0]
    elif text.count(":") == 1:
        text = text.partition(":")[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address
