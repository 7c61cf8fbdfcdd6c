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

    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not is_enabled_for_request(label, request):
            return refuse(request, label)
        return view(request, *args, **kwargs)

    guarded.ben_plugin_label = label
    return guarded


def guard_patterns(patterns, label_of, refuse) -> list:
    """Wrap every view below ``patterns`` (recursively) that ``label_of(view)`` assigns to a
    plugin with the per-site plugin check; patterns of no plugin are kept as they are."""
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = guard_patterns(pattern.url_patterns, label_of, refuse)
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
        label = label_of(pattern.callback)
        if label is None:
            guarded.append(pattern)
            continue
        guarded.append(
            URLPattern(
                pattern.pattern,
                guard_view(pattern.callback, label, refuse),
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
        guarded = guard_patterns(
            module.urlpatterns, lambda view, label=plugin.label: label, disabled_response
        )
        patterns.append(
            path(f"{plugin.label}/", include((guarded, plugin.label), namespace=plugin.label))
        )
    return patterns


urlpatterns = plugin_api_patterns()
