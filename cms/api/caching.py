"""HTTP caching of API responses: strong ETags, Last-Modified, 304, a shared response cache.

Every model label has a generation (the time in milliseconds of its last publication change)
in the Django cache. A response's cache key contains the generations of all models the
endpoint depends on, so bumping a generation (cms.api.signals) makes exactly the affected
responses unreachable at once, in every worker sharing the cache (Redis).
"""

import hashlib
import time
from email.utils import formatdate

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from rest_framework.renderers import JSONRenderer

GENERATION_PREFIX = "api:generation:"
RESPONSE_PREFIX = "api:response:"


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


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


def _response_key(request, endpoint, generation_values, time_bucket) -> str:
    query = sorted(request.query_params.lists())
    raw = repr((request.build_absolute_uri(request.path), query, generation_values, time_bucket))
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


def cached_response(view, request, build):
    """Serve from the response cache, or build (a DRF Response), store and serve."""
    endpoint = view.endpoint
    current = generations(endpoint.cache_labels())
    request._api_generations = current  # lets publication.hidden_paths reuse the lookup
    time_bucket = (
        int(time.time() // 60)
        if any(name in request.query_params for name in endpoint.time_sensitive_params)
        else None
    )
    key = _response_key(request, endpoint, sorted(current.items()), time_bucket)
    entry = cache.get(key)
    if entry is None:
        body = render_json(view, build())
        entry = (body, strong_etag(body), max(current.values()) // 1000)
        cache.set(key, entry, timeout=settings.API_RESPONSE_CACHE_SECONDS)
    body, etag, last_modified = entry
    return conditional_json(request, body, etag, last_modified, private=False)


def uncached_private_response(view, request, response):
    """For draft previews: never stored, never shared, still with a strong ETag."""
    body = render_json(view, response)
    return conditional_json(request, body, strong_etag(body), None, private=True)
