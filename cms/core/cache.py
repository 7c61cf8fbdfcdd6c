"""Django's Redis cache, made to degrade instead of fail when Redis is down or hangs.

Every use of the cache in BEN is an optimisation (response cache, generations, hidden paths)
except the rate-limit counters. So when Redis refuses, times out or answers garbage:

- reads miss and writes are dropped: requests are served uncached, never with a 500;
- counters (``add``, ``incr``, ``decr``) move to a counter in this process's memory, so rate
  limits still hold per process (N app servers let N times the limit through meanwhile);
- the first failure is logged, then Redis is left alone for ``RETRY_AFTER_SECONDS`` (a hanging
  Redis would otherwise cost every cache call its socket timeout), then tried again; the
  recovery is logged too.

Connect and socket timeouts come from the settings (``CACHES["default"]["OPTIONS"]``).
"""

import logging
import threading
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


class Outage:
    """Process-wide: whether Redis is considered down, and since when."""

    def __init__(self):
        self._lock = threading.Lock()
        self.down_since: float | None = None

    def skip(self) -> bool:
        with self._lock:
            return (
                self.down_since is not None
                and time.monotonic() - self.down_since < RETRY_AFTER_SECONDS
            )

    def failed(self, error: Exception) -> None:
        with self._lock:
            first = self.down_since is None
            self.down_since = time.monotonic()
        if first:
            logger.error(
                "Redis-Cache nicht erreichbar (%s): Antworten ungecacht, Zähler pro Prozess.",
                error,
            )

    def succeeded(self) -> None:
        with self._lock:
            recovered, self.down_since = self.down_since is not None, None
        if recovered:
            logger.warning("Redis-Cache wieder erreichbar.")


outage = Outage()
#: Rate-limit counters while Redis is down; per process, as documented.
local_counters = LocMemCache(
    "ben-counters-during-redis-outage", {"OPTIONS": {"MAX_ENTRIES": 10000}}
)


def _degrading(fallback):
    """Run the Redis operation, or ``fallback(*args)`` while Redis is down."""

    def decorate(operation):
        def run(self, *args, **kwargs):
            if outage.skip():
                return fallback(*args, **kwargs)
            try:
                result = operation(self, *args, **kwargs)
            except RedisError as error:
                outage.failed(error)
                return fallback(*args, **kwargs)
            outage.succeeded()
            return result

        run.__name__ = operation.__name__
        return run

    return decorate


def _miss(key, default=None, *args, **kwargs):
    return default


def _dropped(*args, **kwargs):
    return None


def _local_add(key, value, timeout):
    return local_counters.add(key, value, timeout)


def _local_incr(key, delta):
    try:
        return local_counters.incr(key, delta)
    except ValueError:  # the key lived in Redis before the outage
        local_counters.add(key, delta)
        return delta


class DegradingRedisCacheClient(RedisCacheClient):
    add = _degrading(_local_add)(RedisCacheClient.add)
    get = _degrading(_miss)(RedisCacheClient.get)
    set = _degrading(_dropped)(RedisCacheClient.set)
    touch = _degrading(lambda *args, **kwargs: False)(RedisCacheClient.touch)
    delete = _degrading(lambda *args, **kwargs: False)(RedisCacheClient.delete)
    get_many = _degrading(lambda *args, **kwargs: {})(RedisCacheClient.get_many)
    has_key = _degrading(lambda *args, **kwargs: False)(RedisCacheClient.has_key)
    incr = _degrading(_local_incr)(RedisCacheClient.incr)
    set_many = _degrading(_dropped)(RedisCacheClient.set_many)
    delete_many = _degrading(_dropped)(RedisCacheClient.delete_many)
    clear = _degrading(lambda *args, **kwargs: False)(RedisCacheClient.clear)


class DegradingRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = DegradingRedisCacheClient
