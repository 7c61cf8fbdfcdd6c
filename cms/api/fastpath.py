"""Repeat reads of the content API answered from the response cache, before URL dispatch.

`cms.wsgi` serves Django through FastPathWSGIHandler. A GET or HEAD of a registered endpoint
whose response is cached and current is answered after one round trip to the cache (Redis:
rate-limit counter, generations and response together), with no URL dispatch to DRF, no view
and, for the core endpoints, no SQL. It applies the same rules as the view: the same
rate-limit counters (cms.api.access), the same cache key, entry and headers (cms.api.caching).

The hit chain is settings.MIDDLEWARE without SKIPPED_FOR_HITS, around the cache lookup: every
other middleware (HTTPS redirect, security headers, CORS, locale, X-Frame-Options, whatever a
deployment adds) sees the request before the lookup and shapes the hit's response, exactly as
for the view. When the lookup cannot answer (NotCached) or anything fails on the way, the
request goes through Django's full handling from the start (the request phase of those
middleware thus runs twice for a miss, harmless for Django's own, which have no side effects
there), and Django decides as always: preview tokens, endpoints the registry does not make
available for this request (a plugin switched off for the site, a runtime switch), keys not
verified recently by the normal path (unknown, revoked, changed), cache misses, stale entries
and exceeded limits (the 429 problem response comes from the view; the request is not
counted twice).
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import (
    ImproperlyConfigured,
    MiddlewareNotUsed,
    PermissionDenied,
    SuspiciousOperation,
)
from django.core.handlers.wsgi import WSGIHandler
from django.urls import Resolver404, get_resolver, get_urlconf, set_urlconf
from django.utils.module_loading import import_string

from .access import (
    AnonymousRateThrottle,
    ClientRateThrottle,
    is_verified_key,
    key_from_request,
    remember_count,
    verification_cache_keys,
)
from .caching import fetch, lookup
from .models import ApiClient
from .registry import registry
from .views import PREVIEW_PARAM, ContentViewSet

logger = logging.getLogger(__name__)

API_ROOT = "/api/v1/"

#: Middleware that cannot change a cache hit: they act on sessions, users, CSRF cookies, flash
#: messages or 404s, none of which a hit reads or produces.
SKIPPED_FOR_HITS = frozenset(
    {
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "django.contrib.messages.middleware.MessageMiddleware",
        "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    }
)


class NotCached(Exception):
    """The cache cannot answer this request; Django's full handling must."""


@lru_cache(maxsize=1024)
def _endpoint_of_path(path_info: str, resolver):
    try:
        match = resolver.resolve(path_info)
    except Resolver404:
        return None
    view_class = getattr(match.func, "cls", None)
    if match.app_name != "api" or not (
        isinstance(view_class, type) and issubclass(view_class, ContentViewSet)
    ):
        return None
    return view_class.endpoint


def endpoint_for(request):
    """The registered endpoint this URL is routed to, if the fast path may answer for it."""
    resolver = get_resolver(getattr(request, "urlconf", None) or get_urlconf())
    endpoint = _endpoint_of_path(request.path_info, resolver)
    return endpoint if endpoint and registry.is_available(endpoint, request) else None


def cached_response(request):
    """The cached, current response for this request; NotCached to let Django handle it."""
    if request.method not in ("GET", "HEAD") or PREVIEW_PARAM in request.GET:
        raise NotCached
    endpoint = endpoint_for(request)
    if endpoint is None:
        raise NotCached
    key = key_from_request(request)
    if key is None:
        throttle = AnonymousRateThrottle()
        window = throttle.window(throttle.get_ident(request))
        found = lookup(request, endpoint, counter=window.counter)
        count = found.count
    else:
        prefix = ApiClient.prefix_of(key)
        if prefix is None:
            raise NotCached
        found = lookup(request, endpoint, extra_keys=verification_cache_keys(prefix))
        if found.fresh is None or not is_verified_key(key, found.values):
            raise NotCached  # nothing counted yet: the view authenticates and counts
        window = ClientRateThrottle().window(prefix)
        count = fetch((), window.counter)[1]
    remember_count(request, window, count)  # counted now, whatever happens next
    if found.fresh is None or count > window.limit:
        raise NotCached
    return found.fresh.serve(request)


def build_hit_chain():
    """settings.MIDDLEWARE without SKIPPED_FOR_HITS around cached_response, built as Django
    builds its own chain under WSGI, but without turning exceptions into responses: they
    send the request to Django's full handling instead."""
    handler = cached_response
    for path in reversed(settings.MIDDLEWARE):
        if path in SKIPPED_FOR_HITS:
            continue
        middleware = import_string(path)
        if not getattr(middleware, "sync_capable", True):
            raise ImproperlyConfigured(
                f"{path} cannot run synchronously; the API fast path (cms.api.fastpath) "
                "needs every middleware not in SKIPPED_FOR_HITS to."
            )
        try:
            handler = middleware(handler)
        except MiddlewareNotUsed:
            continue
    return handler


class FastPathWSGIHandler(WSGIHandler):
    """Django's WSGI handler, with cache hits of the content API answered before dispatch.

    Hits keep everything WSGIHandler does around a request: request_started/finished
    signals (closing stale database connections), script prefix, cookies, closing.
    """

    def load_middleware(self, is_async=False):
        super().load_middleware(is_async)
        self._hit_chain = build_hit_chain()

    def get_response(self, request):
        if request.path_info.startswith(API_ROOT):
            set_urlconf(settings.ROOT_URLCONF)
            try:
                response = self._hit_chain(request)
            except (NotCached, SuspiciousOperation, PermissionDenied):
                pass  # Django answers (and reports a bad request)
            except Exception:
                logger.warning("API fast path failed; Django answers instead.", exc_info=True)
            else:
                response._resource_closers.append(request.close)
                return response
        return super().get_response(request)
