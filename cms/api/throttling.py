"""Rate limits per IP (anonymous) or per API key: fixed-window counters in the Django cache."""

import time

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from cms.core.client_address import client_ip

from .models import ApiClient


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' -> (120, 60)."""
    count, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[0]]
    return int(count), seconds


def count_request(key: str, timeout: int) -> int:
    """Count one request in the window's counter (atomic increments on Redis)."""
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


class FixedWindowRateThrottle(BaseThrottle):
    """Counts requests per identity in fixed windows with atomic cache increments.

    Unlike DRF's SimpleRateThrottle it stores one integer per window instead of a list of
    timestamps, which stays cheap at high limits and works across workers with Redis.
    """

    scope = ""
    setting = ""

    def get_ident(self, request):
        """The client's address by the one trusted-proxy rule (API_TRUSTED_PROXIES)."""
        return client_ip(request)

    def identity(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view):
        identity = self.identity(request)
        if identity is None:
            return True
        limit, period = parse_rate(getattr(settings, self.setting))
        now = time.time()
        number = int(now // period)
        count = count_request(f"api:throttle:{self.scope}:{identity}:{number}", period + 1)
        self._wait = (number + 1) * period - now
        return count <= limit

    def wait(self):
        return max(1, round(self._wait))


class AnonymousRateThrottle(FixedWindowRateThrottle):
    scope = "anonymous"
    setting = "API_RATE_LIMIT_ANONYMOUS"

    def identity(self, request):
        return None if isinstance(request.auth, ApiClient) else self.get_ident(request)


class ClientRateThrottle(FixedWindowRateThrottle):
    scope = "client"
    setting = "API_RATE_LIMIT_CLIENT"

    def identity(self, request):
        return request.auth.key_prefix if isinstance(request.auth, ApiClient) else None
