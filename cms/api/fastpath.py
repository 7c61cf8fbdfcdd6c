"""Repeat reads of the content API answered from the response cache, before Django's handler.

`cms.wsgi` wraps Django's WSGI application in FastPathApplication. A GET or HEAD of a
registered endpoint whose response is cached and current is served after one round trip to
the cache (Redis: rate-limit counter, generations and response together), with no SQL query,
no URL dispatch to DRF and no view. It applies the same rules as the view: the same rate-limit
counters (cms.api.access), the same cache key, entry and headers (cms.api.caching).

Anything else goes to Django, which then decides as always: preview tokens, endpoints the
registry does not make available for this request (a plugin switched off for the site, a
runtime switch), keys not verified recently by the normal path (unknown, revoked, changed),
cache misses, stale entries, exceeded limits (the 429 problem response comes from the view;
the request is not counted twice) and requests the fast path cannot judge (a disallowed host).

A hit passes through every middleware in settings.MIDDLEWARE except SKIPPED_FOR_HITS, so
security headers, CORS, locale, X-Frame-Options, Content-Length and whatever a deployment adds
treat it exactly like the view's response.
"""

from functools import lru_cache

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.core.handlers.exception import convert_exception_to_response
from django.core.handlers.wsgi import WSGIRequest
from django.urls import Resolver404, get_resolver, get_urlconf
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


@lru_cache(maxsize=4096)
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
    """The cached, current response for this request, or None to let Django handle it."""
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


def _serve_prepared(request):
    return request.fast_path_response


class CachedHitHandler:
    """Serves cache hits through the middleware that shape every response."""

    def __init__(self):
        self._middleware_chain = None

    def build_middleware_chain(self):
        """Django's own construction (BaseHandler.load_middleware), with the hit as view."""
        handler = convert_exception_to_response(_serve_prepared)
        for path in reversed(settings.MIDDLEWARE):
            if path in SKIPPED_FOR_HITS:
                continue
            try:
                middleware = import_string(path)(handler)
            except MiddlewareNotUsed:
                continue
            handler = convert_exception_to_response(middleware)
        return handler

    def respond(self, request):
        try:
            response = cached_response(request)
        except Exception:  # Django judges the request, with its own error handling and logging
            return None
        if response is None:
            return None
        if self._middleware_chain is None:
            self._middleware_chain = self.build_middleware_chain()
        request.fast_path_response = response
        return self._middleware_chain(request)


class FastPathApplication:
    """WSGI application: cache hits of the content API first, everything else to Django."""

    def __init__(self, application):
        self.application = application
        self.hits = CachedHitHandler()

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO", "").startswith(API_ROOT):
            response = self.hits.respond(WSGIRequest(environ))
            if response is not None:
                start_response(
                    f"{response.status_code} {response.reason_phrase}",
                    [
                        *response.items(),
                        *(("Set-Cookie", c.output(header="")) for c in response.cookies.values()),
                    ],
                )
                return [response.content]
        return self.application(environ, start_response)
