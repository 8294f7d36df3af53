"""The client's address: the connection's peer, or what a trusted proxy forwarded.

Hand-written rather than django-ipware: ipware trusts proxies by address prefix and reads the header from
the left, where a client can write anything; here only networks the operator listed count, and the header
is read from the right, stopping at the first address no trusted proxy vouches for.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings


@lru_cache(maxsize=8)
def _networks(listed):
    return tuple(ipaddress.ip_network(item, strict=False) for item in listed)


def _is_trusted(address):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def _valid(address):
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_address(request):
    peer = request.META.get("REMOTE_ADDR", "")
    if not _is_trusted(peer):
        return peer
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _valid(hop):
            # A trusted proxy passed on something that is no address: the last trustworthy hop is what we know.
            return peer
        if not _is_trusted(hop):
            return hop
        peer = hop
    return peer
