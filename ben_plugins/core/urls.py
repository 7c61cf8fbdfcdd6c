"""Mount every plugin's API urls under /api/v1/<plugin label>/, answering 404 where it is off."""

import logging
from functools import wraps
from importlib import import_module

from django.http import JsonResponse
from django.urls import URLPattern, URLResolver, include, path

from cms.api.errors import problem_response

from .activation import is_enabled_for_request
from .registry import all_plugins

logger = logging.getLogger(__name__)


def disabled_response(request, label: str) -> JsonResponse:
    return problem_response(
        404, f"Das Plugin „{label}“ ist auf dieser Website nicht aktiviert.", code="not_found"
    )


def guard_view(view, label: str, refuse):
    """``view``, answered by ``refuse(request, label)`` where the plugin is off."""
    guarded = guard_view_by_url(view, lambda kwargs: label, refuse)
    guarded.ben_plugin_label = label
    return guarded


def guard_view_by_url(view, label_in_url, refuse):
    """``view``, answered by ``refuse(request, label)`` where the plugin that
    ``label_in_url(url_kwargs)`` names is off; None names no plugin."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        label = label_in_url(kwargs)
        if label is not None and not is_enabled_for_request(label, request):
            return refuse(request, label)
        return view(request, *args, **kwargs)

    return guarded


def guard_patterns(patterns, guard) -> list:
    """Replace the view of every pattern below ``patterns`` (recursively) by ``guard(pattern)``
    where that gives one; patterns it gives None for are kept as they are."""
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = guard_patterns(pattern.url_patterns, guard)
            if all(new is old for new, old in zip(inner, pattern.url_patterns, strict=True)):
                guarded.append(pattern)
                continue
            guarded.append(
                URLResolver(
                    pattern.pattern,
                    inner,
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
            continue
        view = guard(pattern)
        if view is None:
            guarded.append(pattern)
            continue
        guarded.append(URLPattern(pattern.pattern, view, pattern.default_args, pattern.name))
    return guarded


def plugin_api_patterns() -> list:
    patterns = []
    for plugin in all_plugins():
        if not plugin.meta.api_urls:
            continue
        try:
            module = import_module(plugin.meta.api_urls)
        except Exception:  # reported by the system check ben_plugins.E005
            logger.exception("API-URLs des Plugins %s nicht geladen.", plugin.label)
            continue
        guarded = guard_patterns(
            module.urlpatterns,
            lambda pattern, label=plugin.label: guard_view(
                pattern.callback, label, disabled_response
            ),
        )
        patterns.append(
            path(f"{plugin.label}/", include((guarded, plugin.label), namespace=plugin.label))
        )
    return patterns


urlpatterns = plugin_api_patterns()
