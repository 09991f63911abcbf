"""Who the visitor is behind a reverse proxy: the one place that reads X-Forwarded-*.

The rate limits (django-ratelimit) and the admin login throttling (django-axes) count per
visitor address. Behind a proxy, REMOTE_ADDR is the proxy's address for everybody, and
X-Forwarded-For is a list that anyone can start with whatever they like; only the entries
appended by proxies we run can be believed. `TRUSTED_PROXIES` says which those are:

- a number N: the app is reachable *only* through N proxies (it listens on 127.0.0.1 or a
  socket), so the visitor is the N-th address from the right of X-Forwarded-For;
- a list of addresses or networks ("10.0.0.0/8, 127.0.0.1"): the headers count only when
  the direct peer is one of them; the visitor is the first address from the right that is
  not one of them;
- empty (the default): no proxy; X-Forwarded-* are ignored and the peer is the visitor.

REMOTE_ADDR is left as it is (it stays the true TCP peer, which the proxy check itself needs,
and logs keep both); the visitor's address is `request.client_ip`, set once per request by
`ProxyMiddleware` and read through `client_ip()` by every limit.
"""

import ipaddress
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings

FORWARDED_FOR = "HTTP_X_FORWARDED_FOR"
FORWARDED_PROTO = "HTTP_X_FORWARDED_PROTO"


@lru_cache(maxsize=4096)  # proxies and returning visitors repeat; parsing is the cost here
def parse_address(value):
    """An `ip_address` from a header entry ('1.2.3.4', '1.2.3.4:80', '[::1]:80'), or None."""
    value = (value or "").strip().strip('"')
    if value.startswith("["):  # [v6]:port
        value = value[1:].split("]", 1)[0]
    elif value.count(":") == 1:  # v4:port
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket is the same visitor as over IPv4.
    return getattr(address, "ipv4_mapped", None) or address


@dataclass(frozen=True)
class TrustedProxies:
    """The parsed `TRUSTED_PROXIES` setting."""

    count: int = 0
    networks: tuple = ()

    @classmethod
    def parse(cls, value):
        if isinstance(value, int):
            return cls(count=value)
        items = value if isinstance(value, list | tuple) else str(value or "").split(",")
        items = [str(item).strip() for item in items if str(item).strip()]
        if len(items) == 1 and items[0].isascii() and items[0].isdigit():
            return cls(count=int(items[0]))
        return cls(networks=tuple(ipaddress.ip_network(item, strict=False) for item in items))

    def __bool__(self):
        return bool(self.count or self.networks)

    def is_trusted(self, address):
        return address is not None and any(address in network for network in self.networks)

    def peer_is_trusted(self, meta):
        """Whether the direct peer may speak for the visitor (X-Forwarded-* count)."""
        if self.count:
            return True
        return self.is_trusted(parse_address(meta.get("REMOTE_ADDR", "")))

    def client_address(self, meta):
        """The visitor's address as text, from REMOTE_ADDR and X-Forwarded-For."""
        peer = parse_address(meta.get("REMOTE_ADDR", ""))
        if not self or not (self.count or self.is_trusted(peer)):
            return str(peer) if peer else ""
        hops = [entry for entry in meta.get(FORWARDED_FOR, "").split(",") if entry.strip()]
        if self.count:
            # Fewer entries than proxies: the request did not come the whole way through
            # them, so nothing in the header can be trusted (what werkzeug's ProxyFix does).
            if len(hops) < self.count:
                return str(peer) if peer else ""
            found = parse_address(hops[-self.count])
            return str(found or peer or "")
        # Walk from the right: skip our proxies; the first other address is the visitor.
        # An entry that is not an address was written by the visitor, not by a proxy of
        # ours: the last proxy we trusted stands in for them.
        visitor = peer
        for entry in reversed(hops):
            address = parse_address(entry)
            if address is None:
                break
            visitor = address
            if not self.is_trusted(address):
                break
        return str(visitor) if visitor else ""


@lru_cache(maxsize=8)
def _parse(value):
    return TrustedProxies.parse(value)


def trusted_proxies():
    """The setting, parsed once per value (tests change it with `settings`)."""
    value = getattr(settings, "TRUSTED_PROXIES", "")
    return _parse(tuple(value) if isinstance(value, list) else value)


def client_ip(request):
    """The visitor's address: the key of every rate limit and of the login throttling.

    Named by `RATELIMIT_IP_META_KEY` and `AXES_CLIENT_IP_CALLABLE`. Computed here too when
    the middleware did not run (a request built by hand), so it is never the proxy's.
    """
    address = getattr(request, "client_ip", None)
    if address is None:
        address = trusted_proxies().client_address(request.META)
    # django-ratelimit needs an address; a request with none (a test, a socket) shares one.
    return address or "0.0.0.0"


class ProxyMiddleware:
    """First in MIDDLEWARE: the visitor's address, and X-Forwarded-Proto only from our proxies.

    Django's SECURE_PROXY_SSL_HEADER believes X-Forwarded-Proto from anyone, so a visitor
    could claim HTTPS over plain HTTP (no redirect, secure cookies sent in clear). The header
    is removed unless a trusted proxy sent it, and reduced to the value the nearest proxy
    wrote (the last one: values before it may come from the visitor).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        proxies = trusted_proxies()
        meta = request.META
        request.client_ip = proxies.client_address(meta)
        if FORWARDED_PROTO in meta:
            if proxies and proxies.peer_is_trusted(meta):
                meta[FORWARDED_PROTO] = meta[FORWARDED_PROTO].split(",")[-1].strip()
            else:
                del meta[FORWARDED_PROTO]
        return self.get_response(request)
