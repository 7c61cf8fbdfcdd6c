"""Who is calling: API keys of registered clients, and rate limits per IP or per key."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.throttling import BaseThrottle

from .models import ApiClient

API_KEY_HEADER = "X-API-Key"
AUTHORIZATION_SCHEME = "Api-Key"
LAST_USED_PRECISION = timedelta(minutes=1)


def key_from_request(request) -> str | None:
    key = request.headers.get(API_KEY_HEADER)
    if key:
        return key.strip()
    scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == AUTHORIZATION_SCHEME.lower() and credentials.strip():
        return credentials.strip()
    return None


class ApiKeyAuthentication(BaseAuthentication):
    """`X-API-Key: <key>` or `Authorization: Api-Key <key>`; anonymous access stays allowed."""

    def authenticate(self, request):
        key = key_from_request(request)
        if key is None:
            return None
        prefix = ApiClient.prefix_of(key)
        client = ApiClient.objects.active().filter(key_prefix=prefix).first() if prefix else None
        if client is None or not client.matches(key):
            raise AuthenticationFailed("Unknown or revoked API key.")
        now = timezone.now()
        if client.last_used_at is None or now - client.last_used_at > LAST_USED_PRECISION:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return AUTHORIZATION_SCHEME


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' -> (120, 60)."""
    count, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[0]]
    return int(count), seconds


def count_request(key: str, timeout: int) -> int:
    """Atomically count one request in the window's counter; one round trip on Redis."""
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        full_key = backend.make_and_validate_key(key)
        pipeline = backend._cache.get_client(full_key, write=True).pipeline()
        pipeline.set(full_key, 0, nx=True, ex=timeout)
        pipeline.incr(full_key)
        return pipeline.execute()[1]
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

    def identity(self, request) -> str | None:
        raise NotImplementedError

    def allow_request(self, request, view):
        identity = self.identity(request)
        if identity is None:
            return True
        limit, period = parse_rate(getattr(settings, self.setting))
        now = time.time()
        window = int(now // period)
        count = count_request(f"api:throttle:{self.scope}:{identity}:{window}", period + 1)
        self._wait = (window + 1) * period - now
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
