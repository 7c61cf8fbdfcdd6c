"""Repeat reads of the content API answered from the response cache, without DRF.

A GET or HEAD of a registered endpoint whose response is cached and current is served after
one round trip to the cache (Redis: rate-limit counter, generations and response together),
with no SQL query, no URL dispatch to DRF and no view. It applies the same rules as the view:
the same rate-limit counters (cms.api.access), the same cache key, entry and headers
(cms.api.caching). Anything else falls through to the normal path, which then decides as
always: preview tokens, endpoints the registry does not make available for this request
(a plugin switched off for the site, a runtime switch), keys not verified recently by the
normal path (unknown, revoked, changed), cache misses, stale entries and exceeded limits
(the 429 problem response comes from the view; the request is not counted twice).

It must be the last middleware, so that every other middleware (security headers, CORS,
locale, X-Frame-Options, Content-Length) treats its responses exactly like the view's.
"""

from django.urls import Resolver404, resolve

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

API_ROOT = "/api/v1/"


def endpoint_for(request):
    """The registered endpoint this URL is routed to, if the fast path may answer for it."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return None
    view_class = getattr(match.func, "cls", None)
    if match.app_name != "api" or not (
        isinstance(view_class, type) and issubclass(view_class, ContentViewSet)
    ):
        return None
    endpoint = view_class.endpoint
    return endpoint if registry.is_available(endpoint, request) else None


class CachedResponseMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.cached_response(request) or self.get_response(request)

    def cached_response(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or not request.path_info.startswith(API_ROOT)
            or PREVIEW_PARAM in request.GET
        ):
            return None
        endpoint = endpoint_for(request)
        if endpoint is None:
            return None
        key = key_from_request(request)
        if key is None:
            throttle = AnonymousRateThrottle()
            window = throttle.window(throttle.get_ident(request))
            found = lookup(request, endpoint, counter=window.counter)
            entry, count = found.fresh, found.count
        else:
            prefix = ApiClient.prefix_of(key)
            if prefix is None:
                return None
            found = lookup(request, endpoint, extra_keys=verification_cache_keys(prefix))
            entry = found.fresh
            if entry is None or not is_verified_key(key, found.values):
                return None  # nothing counted yet: the view authenticates and counts
            window = ClientRateThrottle().window(prefix)
            count = fetch((), window.counter)[1]
        if entry is None or count > window.limit:
            remember_count(request, window, count)
            return None
        return entry.serve(request)
