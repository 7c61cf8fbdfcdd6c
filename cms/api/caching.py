"""HTTP caching of API responses: strong ETags, Last-Modified, 304, a shared response cache.

Every model label has a generation (the time in milliseconds of its last publication change)
in the Django cache. A cached response stores the generations of all models the endpoint
depends on; it is served only while they are all still current, so bumping a generation
(cms.api.signals) makes exactly the affected responses stale at once, in every worker sharing
the cache (Redis). Generations, the response and a rate-limit counter are read in one round
trip (fetch), which also lets cms.api.fastpath answer repeat reads before DRF.
"""

import datetime as dt
import hashlib
import time
from email.utils import formatdate
from typing import NamedTuple
from weakref import WeakKeyDictionary

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.timezone import localdate, make_aware
from rest_framework.renderers import JSONRenderer

GENERATION_PREFIX = "api:generation:"
RESPONSE_PREFIX = "api:response:"


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


#: Counts a request in its rate-limit window (KEYS[1], expiring after ARGV[1] seconds) if
#: ARGV[1] is given, and reads the other KEYS: one command, so a cached API hit costs one
#: round trip and little client-side work. Atomic, like every script.
FETCH_SCRIPT = """
local first, count = 1, 0
if ARGV[1] then
    redis.call('SET', KEYS[1], 0, 'NX', 'EX', ARGV[1])
    count = redis.call('INCR', KEYS[1])
    first = 2
end
if #KEYS < first then
    return {count, {}}
end
return {count, redis.call('MGET', unpack(KEYS, first))}
"""


#: Django's cache backends are per thread; so is each one's script, registered once.
_fetch_scripts: WeakKeyDictionary = WeakKeyDictionary()


def _fetch_script(cache_client):
    """Django builds a new redis.Redis (costly) on every get_client(); one per backend."""
    script = _fetch_scripts.get(cache_client)
    if script is None:
        script = cache_client.get_client(write=True).register_script(FETCH_SCRIPT)
        _fetch_scripts[cache_client] = script
    return script


def _count_without_redis(key: str, timeout: int) -> int:
    if cache.add(key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=timeout)
        return 1


def fetch(keys, counter: tuple[str, int] | None = None) -> tuple[dict, int | None]:
    """The cached values of ``keys`` and, with ``counter=(key, timeout)``, the count after
    atomically counting one more request in that rate-limit window: one round trip on Redis."""
    backend = caches["default"]
    if not isinstance(backend, RedisCache):
        count = _count_without_redis(*counter) if counter else None
        return (cache.get_many(keys) if keys else {}), count
    keys = list(keys)
    script_keys = [backend.make_key(key) for key in keys]
    script_args = []
    if counter:
        script_keys.insert(0, backend.make_key(counter[0]))
        script_args.append(counter[1])
    count, raw_values = _fetch_script(backend._cache)(keys=script_keys, args=script_args)
    loads = backend._cache._serializer.loads
    values = {key: loads(raw) for key, raw in zip(keys, raw_values, strict=True) if raw is not None}
    return values, (count if counter else None)


def memoised(key: str, compute):
    """A value derived from the database, cached under a generation-specific key."""
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=settings.API_RESPONSE_CACHE_SECONDS or None)
    return value


def generations(labels) -> dict[str, int]:
    keys = [GENERATION_PREFIX + label for label in labels]
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    if missing:
        now = _now_ms()
        for key in missing:
            cache.add(key, now, timeout=None)
        found.update(cache.get_many(missing))
    return {key.removeprefix(GENERATION_PREFIX): found.get(key, 0) for key in keys}


def bump(labels) -> None:
    """Invalidate every cached response that depends on one of these model labels."""
    keys = [GENERATION_PREFIX + label for label in set(labels)]
    if not keys:
        return
    current = cache.get_many(keys)
    now = _now_ms()
    cache.set_many({key: max(now, current.get(key, 0) + 1) for key in keys}, timeout=None)


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:40] + '"'


def public_cache_control() -> str:
    return f"public, max-age={settings.API_BROWSER_MAX_AGE}, s-maxage={settings.API_CDN_MAX_AGE}"


class ClockInputs(NamedTuple):
    """What of the clock a response depends on besides the content."""

    minute: int | None  # parameters whose meaning moves with the clock (?upcoming)
    day: dt.date | None  # endpoints whose visibility moves with the date in Berlin

    @classmethod
    def of(cls, request, endpoint) -> "ClockInputs":
        moves = any(name in request.GET for name in endpoint.time_sensitive_params)
        return cls(
            int(time.time() // 60) if moves else None,
            localdate() if endpoint.date_sensitive else None,
        )

    def since(self) -> int:
        """When the clock last changed such a response (0 if it never does)."""
        moments = [0]
        if self.minute is not None:
            moments.append(self.minute * 60)
        if self.day is not None:
            moments.append(int(make_aware(dt.datetime.combine(self.day, dt.time.min)).timestamp()))
        return max(moments)


def response_key(request, endpoint) -> str:
    """Absolute URL, query and the clock inputs: a response is cached per minute or day where
    its meaning moves with them."""
    clock = ClockInputs.of(request, endpoint)
    day = clock.day.toordinal() if clock.day else None
    query = sorted(request.GET.lists())
    raw = repr((request.build_absolute_uri(request.path), query, clock.minute, day))
    return f"{RESPONSE_PREFIX}{endpoint.basename}:{hashlib.sha256(raw.encode()).hexdigest()}"


def render_json(view, response) -> bytes:
    return JSONRenderer().render(response.data, "application/json", view.get_renderer_context())


def conditional_json(request, body: bytes, etag: str, last_modified: float | None, *, private):
    response = HttpResponse(body, content_type="application/json")
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = formatdate(last_modified, usegmt=True)
    response["Cache-Control"] = "private, no-store" if private else public_cache_control()
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


class CachedResponse(NamedTuple):
    """A rendered response and the generations of the models it was built from."""

    body: bytes
    etag: str
    last_modified: int
    generations: dict[str, int]
    allow: str  # DRF's Allow header, so a response served without DRF carries it too

    def serve(self, request) -> HttpResponse:
        response = conditional_json(
            request, self.body, self.etag, self.last_modified, private=False
        )
        response["Allow"] = self.allow
        return response


class Lookup(NamedTuple):
    key: str
    generations: dict[str, int] | None  # None while one of them was never set
    entry: CachedResponse | None
    values: dict  # everything fetched, by key
    count: int | None

    @property
    def fresh(self) -> CachedResponse | None:
        """The cached response if it was built from the current generations."""
        if self.entry is None or self.entry.generations != self.generations:
            return None
        return self.entry


def lookup(request, endpoint, *, extra_keys=(), counter=None) -> Lookup:
    """The cached response for this request and the generations it must match (one fetch)."""
    key = response_key(request, endpoint)
    labels = endpoint.cache_labels()
    generation_keys = [GENERATION_PREFIX + label for label in labels]
    values, count = fetch([*generation_keys, key, *extra_keys], counter)
    current = {
        label: values[name]
        for label, name in zip(labels, generation_keys, strict=True)
        if name in values
    }
    return Lookup(
        key, current if len(current) == len(labels) else None, values.get(key), values, count
    )


def cached_response(view, request, build):
    """Serve from the response cache, or build (a DRF Response), store and serve."""
    endpoint = view.endpoint
    found = lookup(request, endpoint)
    current = found.generations or generations(endpoint.cache_labels())
    request._api_generations = current  # lets publication.hidden_paths reuse the lookup
    entry = found.fresh
    if entry is None:
        body = render_json(view, build())
        # What is visible also changed when the clock last moved it (a minute, midnight).
        last_modified = max(
            max(current.values()) // 1000, ClockInputs.of(request, endpoint).since()
        )
        entry = CachedResponse(
            body,
            strong_etag(body),
            last_modified,
            current,
            ", ".join(view.allowed_methods),
        )
        cache.set(found.key, entry, timeout=settings.API_RESPONSE_CACHE_SECONDS)
    return entry.serve(request)


def uncached_private_response(view, request, response):
    """For draft previews: never stored, never shared, still with a strong ETag."""
    body = render_json(view, response)
    return conditional_json(request, body, strong_etag(body), None, private=True)
