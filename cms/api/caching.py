"""HTTP caching of API responses: strong ETags, Last-Modified, 304, a shared response cache.

Every model label has a generation (the time in milliseconds of its last publication change)
in the Django cache. A cached response stores the generations of all models the endpoint
depends on; it is served only while they are all still current, so bumping a generation
(cms.api.invalidation) makes exactly the affected responses stale at once, in every worker
sharing the cache (Redis). Generations and the response are read in one round trip.

The same dependencies name a public response for the HTTP caches in front (Varnish, a CDN):
its surrogate keys (``xkey`` and ``Surrogate-Key``), one per generation label, are purged
whenever the generation is bumped (cms.api.frontend_cache).

Endpoints outside the registry (plugins) declare what they show (``ApiViewSet.shows``):
models, tracked like the registry's, and labels of their own content such as
``ehrenamtsmedaille.awardees``, which the plugin marks changed (cms.api.changes).
"""

import datetime as dt
import hashlib
import time
from email.utils import formatdate
from functools import partial
from typing import NamedTuple

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.timezone import localdate, make_aware
from django.utils.translation import get_language
from rest_framework.renderers import JSONRenderer

from .frontend_cache import purge
from .registry import registry, route_basename

GENERATION_PREFIX = "api:generation:"
RESPONSE_PREFIX = "api:response:"
#: Generation label of the page tree's structure: moves, privacy, (un)published branches.
STRUCTURE_LABEL = "wagtailcore.page"
STRUCTURE_KEY = "structure"
#: The headers naming a response's surrogate keys: Varnish's xkey module, Fastly-style CDNs.
SURROGATE_KEY_HEADERS = ("xkey", "Surrogate-Key")
PRIVATE_CACHE_CONTROL = "private, no-store"


def model_label(model) -> str:
    return model._meta.label_lower


def cache_labels(*models) -> tuple[str, ...]:
    """Labels of the models whose publication changes stale a response, plus the page tree's
    structure (privacy, unpublished branches), which every endpoint obeys."""
    return (*(model_label(model) for model in models), STRUCTURE_LABEL)


#: Labels declared by endpoints outside the registry (``ApiViewSet.shows``): those of models
#: and those of a plugin's own content.
_declared_model_labels: set[str] = set()
_declared_own_labels: set[str] = set()


def shown_labels(shows) -> tuple[str, ...]:
    """The generation labels of what an endpoint shows: a model stands for its label and the
    page tree's structure (as ``cache_labels``), a string is a content label of its own."""
    labels = [item if isinstance(item, str) else model_label(item) for item in shows]
    if any(not isinstance(item, str) for item in shows):
        labels.append(STRUCTURE_LABEL)
    return tuple(dict.fromkeys(labels))


def declare(shows) -> None:
    """Remember what an endpoint shows: its models join the tracked labels (all_labels), its
    own labels those a switch of their plugin invalidates (declared_labels)."""
    for item in shows:
        if isinstance(item, str):
            _declared_own_labels.add(item)
        else:
            _declared_model_labels.update(shown_labels([item]))


def declared_labels(app_label: str) -> set[str]:
    """The content labels of its own that endpoints of this app declared."""
    return {label for label in _declared_own_labels if label.startswith(f"{app_label}.")}


def all_labels() -> set[str]:
    """The labels of every registered endpoint's dependencies and of the models other
    endpoints show. Content labels of a plugin's own are not among them: structural changes of
    the content do not touch them."""
    return _declared_model_labels | {
        label
        for viewset_class in registry
        if hasattr(viewset_class, "cache_labels")
        for label in viewset_class.cache_labels()
    }


def surrogate_key(label: str) -> str:
    """The key of a generation label: the API name of the model (``events``, ``categories``),
    ``structure`` for the page tree, the model label for models without an endpoint
    (``wagtailimages.image``)."""
    if label == STRUCTURE_LABEL:
        return STRUCTURE_KEY
    try:
        viewset_class = registry.for_model(apps.get_model(label))
    except (LookupError, ValueError):
        viewset_class = None
    return route_basename(viewset_class.prefix) if viewset_class else label


def surrogate_keys(labels) -> tuple[str, ...]:
    return tuple(sorted({surrogate_key(label) for label in labels}))


def object_key(prefix: str, pk) -> str:
    """The key of one object's detail response, e.g. ``clubs-19``."""
    return f"{route_basename(prefix)}-{pk}"


def tag(response, keys) -> None:
    """Name what a public response shows, for the caches in front of BEN."""
    for header in SURROGATE_KEY_HEADERS:
        response[header] = " ".join(keys)


def make_private(response) -> None:
    """Never stored by a shared cache: errors, previews, responses to an API key."""
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL
    for header in SURROGATE_KEY_HEADERS:
        if response.has_header(header):
            del response[header]


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


def bump_generations(labels) -> None:
    """Make every response in the response cache that depends on one of these labels stale."""
    keys = [GENERATION_PREFIX + label for label in set(labels)]
    if not keys:
        return
    current = cache.get_many(keys)
    now = _now_ms()
    cache.set_many({key: max(now, current.get(key, 0) + 1) for key in keys}, timeout=None)


def bump(labels) -> None:
    """Invalidate every cached response that depends on one of these model labels: in the
    response cache now, in the HTTP caches in front once the change is committed (a purge
    before the commit would let them fetch the old rows again)."""
    labels = set(labels)
    if not labels:
        return
    bump_generations(labels)
    keys = surrogate_keys(labels)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(partial(purge, keys))
    else:
        purge(keys)  # committed already (and no database needed to know it)


def strong_etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:40] + '"'


def public_cache_control() -> str:
    return f"public, max-age={settings.API_BROWSER_MAX_AGE}, s-maxage={settings.API_CDN_MAX_AGE}"


class ClockInputs(NamedTuple):
    """What of the clock a response depends on besides the content."""

    minute: int | None  # parameters whose meaning moves with the clock (?upcoming)
    day: dt.date | None  # endpoints whose visibility moves with the date in Berlin

    @classmethod
    def of(cls, request, view) -> "ClockInputs":
        moves = any(name in request.GET for name in view.time_sensitive_params)
        return cls(
            int(time.time() // 60) if moves else None,
            localdate() if view.date_sensitive else None,
        )

    def since(self) -> int:
        """When the clock last changed such a response (0 if it never does)."""
        moments = [0]
        if self.minute is not None:
            moments.append(self.minute * 60)
        if self.day is not None:
            moments.append(int(make_aware(dt.datetime.combine(self.day, dt.time.min)).timestamp()))
        return max(moments)


def response_key(request, view) -> str:
    """Absolute URL, query, language and the clock inputs: a response is cached per minute or
    day where its meaning moves with them."""
    clock = ClockInputs.of(request, view)
    day = clock.day.toordinal() if clock.day else None
    query = sorted(request.GET.lists())
    raw = repr((request.build_absolute_uri(request.path), query, get_language(), clock.minute, day))
    name = view.basename or type(view).__name__  # plugin views have no router basename
    return f"{RESPONSE_PREFIX}{name}:{hashlib.sha256(raw.encode()).hexdigest()}"


def response_renderer(request):
    """The renderer content negotiation chose (JSON, or a JSON dialect such as JSON-LD)."""
    renderer = getattr(request, "accepted_renderer", None)
    return renderer if isinstance(renderer, JSONRenderer) else JSONRenderer()


def render_json(view, response) -> bytes:
    renderer = response_renderer(view.request)
    return renderer.render(response.data, renderer.media_type, view.get_renderer_context())


def conditional_json(
    request,
    body: bytes,
    etag: str,
    last_modified: float | None,
    *,
    private,
    content_type="application/json",
):
    response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = formatdate(last_modified, usegmt=True)
    response["Cache-Control"] = PRIVATE_CACHE_CONTROL if private else public_cache_control()
    return get_conditional_response(
        request, etag=etag, last_modified=last_modified, response=response
    )


class CachedResponse(NamedTuple):
    """A rendered response and the generations of the models it was built from."""

    body: bytes
    etag: str
    last_modified: int
    generations: dict[str, int]
    surrogate_keys: tuple[str, ...] = ()
    content_type: str = "application/json"

    def serve(self, request) -> HttpResponse:
        response = conditional_json(
            request,
            self.body,
            self.etag,
            self.last_modified,
            private=False,
            content_type=self.content_type,
        )
        tag(response, self.surrogate_keys)
        return response


class Lookup(NamedTuple):
    key: str
    generations: dict[str, int] | None  # None while one of them was never set
    entry: CachedResponse | None

    @property
    def fresh(self) -> CachedResponse | None:
        """The cached response if it was built from the current generations."""
        if self.entry is None or self.entry.generations != self.generations:
            return None
        return self.entry


def lookup(request, view) -> Lookup:
    """The cached response for this request and the generations it must match (one fetch)."""
    key = response_key(request, view)
    labels = view.cache_labels()
    generation_keys = [GENERATION_PREFIX + label for label in labels]
    values = cache.get_many([*generation_keys, key])
    current = {
        label: values[name]
        for label, name in zip(labels, generation_keys, strict=True)
        if name in values
    }
    return Lookup(key, current if len(current) == len(labels) else None, values.get(key))


def cached_response(view, request, build):
    """Serve from the response cache, or build (a DRF Response), store and serve."""
    found = lookup(request, view)
    current = found.generations or generations(view.cache_labels())
    request._api_generations = current  # lets publication.hidden_paths reuse the lookup
    entry = found.fresh
    if entry is None:
        body = render_json(view, build())
        # What is visible also changed when the clock last moved it (a minute, midnight).
        last_modified = max(max(current.values()) // 1000, ClockInputs.of(request, view).since())
        keys = view.surrogate_keys()
        content_type = response_renderer(request).media_type
        entry = CachedResponse(body, strong_etag(body), last_modified, current, keys, content_type)
        cache.set(found.key, entry, timeout=settings.API_RESPONSE_CACHE_SECONDS)
    return entry.serve(request)


def uncached_private_response(view, request, response):
    """For draft previews: never stored, never shared, still with a strong ETag."""
    body = render_json(view, response)
    return conditional_json(request, body, strong_etag(body), None, private=True)


def with_etag(request, response):
    """A strong ETag and the public cache headers on a built response; 304 if the client
    already has it."""
    etag = strong_etag(response.content)
    response = get_conditional_response(request, etag=etag, response=response) or response
    response["ETag"] = etag
    response["Cache-Control"] = public_cache_control()
    return response
