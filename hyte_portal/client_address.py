"""The visitor's IP address, as every rate limit of the portal reads it (allauth's, the newsletter's, the forms').

Behind reverse proxies REMOTE_ADDR is the nearest proxy's address, so all visitors would share one limit. Each
trusted proxy appends the address it was connected from to X-Forwarded-For; with TRUSTED_PROXY_COUNT = N, the
N-th entry from the right is the one our own outermost proxy wrote. Entries further left come from the client
and can be forged, so they are never read.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR with no trusted proxy, else the N-th X-Forwarded-For entry from the right.

    A header shorter than the proxy chain, or an entry that is not an IP address, means the request did not come
    through our proxies as configured; REMOTE_ADDR is then used, so that a forged header never picks the address.
    Returns "" when there is no usable address at all.
    """
    remote_addr = _valid_ip(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    entries = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(entries) < proxies:
        return remote_addr
    return _valid_ip(entries[-proxies]) or remote_addr


def _valid_ip(value: str) -> str:
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return ""
