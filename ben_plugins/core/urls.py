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


def disabled_response(label: str) -> JsonResponse:
    return problem_response(
        404, f"Das Plugin „{label}“ ist auf dieser Website nicht aktiviert.", code="not_found"
    )


def guard_view(view, label: str):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_enabled_for_request(label, request):
            return disabled_response(label)
        return view(request, *args, **kwargs)

    guarded.ben_plugin_label = label
    return guarded


def guard_patterns(patterns, label: str) -> list:
    """Wrap every view below ``patterns`` (recursively) with the per-site plugin check."""
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            guarded.append(
                URLResolver(
                    pattern.pattern,
                    guard_patterns(pattern.url_patterns, label),
                    pattern.default_kwargs,
                    pattern.app_name,
                    pattern.namespace,
                )
            )
        else:
            guarded.append(
                URLPattern(
                    pattern.pattern,
                    guard_view(pattern.callback, label),
                    pattern.default_args,
                    pattern.name,
                )
            )
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
        guarded = guard_patterns(module.urlpatterns, plugin.label)
        patterns.append(
            path(f"{plugin.label}/", include((guarded, plugin.label), namespace=plugin.label))
        )
    return patterns


urlpatterns = plugin_api_patterns()
