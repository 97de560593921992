"""Counting attempts per visitor in the cache (Redis in production), for the portal's own forms.

allauth limits its own views; this is the same idea for the feedback form and the newsletter sign-up: a count per
client address (hyte_portal.client_address) in a fixed time window. An IPv6 visitor usually holds a whole /64, so
the count is kept per /64 as allauth does.
"""

import ipaddress

from django.core.cache import cache

from .client_address import client_ip

IPV6_PREFIX = 64


def limit_exceeded(request, *, action: str, limit: int, seconds: int, who: str | None = None) -> bool:
    """Count this attempt at `action` from the request's address (or by `who`, such as "user:42", for a limit per
    person wherever they are); True once more than `limit` fall in the window."""
    key = f"rate-limit:{action}:{who or _address_key(client_ip(request))}"
    cache.add(key, 0, timeout=seconds)
    try:
        return cache.incr(key) > limit
    except ValueError:  # the window ended between add() and incr(): this attempt opens a new one
        cache.add(key, 1, timeout=seconds)
        return False


def _address_key(ip: str) -> str:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "unknown"
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False).network_address)
    return str(address)
