"""Who is calling: API keys of registered clients, and rate limits per IP or per key."""

import hmac
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.utils import timezone
from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.throttling import BaseThrottle

from .caching import GENERATION_PREFIX, fetch, generations
from .models import ApiClient, hash_key

AUTHORIZATION_SCHEME = "Api-Key"
LAST_USED_PRECISION = timedelta(minutes=1)
#: Generation of all API clients; cms.api.signals bumps it whenever one is saved or deleted.
CLIENTS_LABEL = "api.apiclient"
#: Where a request remembers a rate-limit count the fast path took, so it is not counted twice.
COUNTED_ATTRIBUTE = "_api_rate_counted"


def key_from_request(request) -> str | None:
    # META, not request.headers: this runs on every cached hit (cms.api.fastpath), and
    # request.headers copies every header first.
    key = request.META.get("HTTP_X_API_KEY")
    if key:
        return key.strip()
    scheme, _, credentials = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")
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
        # Read before the row: a change saved meanwhile bumps it, voiding the verification.
        generation = generations([CLIENTS_LABEL])[CLIENTS_LABEL] if prefix else None
        client = ApiClient.objects.active().filter(key_prefix=prefix).first() if prefix else None
        if client is None or not client.matches(key):
            raise AuthenticationFailed("Unknown or revoked API key.")
        now = timezone.now()
        if client.last_used_at is None or now - client.last_used_at > LAST_USED_PRECISION:
            ApiClient.objects.filter(pk=client.pk).update(last_used_at=now)
            client.last_used_at = now
        remember_verified_key(client, generation, now)
        return AnonymousUser(), client

    def authenticate_header(self, request):
        return AUTHORIZATION_SCHEME


def _verified_key_cache_key(prefix: str) -> str:
    return f"api:verified-key:{prefix}"


def remember_verified_key(client, generation: int, now) -> None:
    """Lets the fast path accept this key without the database until last_used_at is due
    again (so it stays exact to LAST_USED_PRECISION) or any client changes (revocation)."""
    remaining = LAST_USED_PRECISION - (now - client.last_used_at)
    cache.set(
        _verified_key_cache_key(client.key_prefix),
        (client.key_hash, generation),
        timeout=max(1, int(remaining.total_seconds())),
    )


def verification_cache_keys(prefix: str) -> tuple[str, str]:
    return _verified_key_cache_key(prefix), GENERATION_PREFIX + CLIENTS_LABEL


def is_verified_key(key: str, values: dict) -> bool:
    """Whether ``values`` (fetched for verification_cache_keys) vouch for this key now."""
    record_key, generation_key = verification_cache_keys(ApiClient.prefix_of(key))
    record, generation = values.get(record_key), values.get(generation_key)
    if record is None or generation is None or record[1] != generation:
        return False
    return hmac.compare_digest(record[0], hash_key(key))


def parse_rate(rate: str) -> tuple[int, int]:
    """'120/minute' -> (120, 60)."""
    count, _, period = rate.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600, "d": 86400}[period.strip()[0]]
    return int(count), seconds


def count_request(key: str, timeout: int) -> int:
    """Atomically count one request in the window's counter; one round trip on Redis."""
    return fetch((), (key, timeout))[1]


@dataclass(frozen=True)
class RateWindow:
    """The current fixed window of one identity's rate limit."""

    scope: str
    identity: str
    limit: int
    key: str
    timeout: int
    wait: float

    @property
    def counter(self) -> tuple[str, int]:
        return self.key, self.timeout


def remember_count(request, window: RateWindow, count: int) -> None:
    setattr(request, COUNTED_ATTRIBUTE, (window, count))


class FixedWindowRateThrottle(BaseThrottle):
    """Counts requests per identity in fixed windows with atomic cache increments.

    Unlike DRF's SimpleRateThrottle it stores one integer per window instead of a list of
    timestamps, which stays cheap at high limits and works across workers with Redis.
    """

    scope = ""
    setting = ""

    def identity(self, request) -> str | None:
        raise NotImplementedError

    def window(self, identity: str) -> RateWindow:
        limit, period = parse_rate(getattr(settings, self.setting))
        now = time.time()
        number = int(now // period)
        return RateWindow(
            scope=self.scope,
            identity=identity,
            limit=limit,
            key=f"api:throttle:{self.scope}:{identity}:{number}",
            timeout=period + 1,
            wait=(number + 1) * period - now,
        )

    def allow_request(self, request, view):
        identity = self.identity(request)
        if identity is None:
            return True
        window, count = getattr(request, COUNTED_ATTRIBUTE, (None, None))
        if window is None or (window.scope, window.identity) != (self.scope, identity):
            window = self.window(identity)
            count = count_request(*window.counter)
        self._wait = window.wait
        return count <= window.limit

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
