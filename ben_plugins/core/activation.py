"""Is a plugin switched on for a site? Looked up per site, memoised per request."""

import logging

from django.http import HttpRequest
from wagtail.models import Site

from cms.api.caching import declared_labels
from cms.api.invalidation import invalidate_all
from cms.core.sites import site_for_request

from .models import PluginActivation
from .plugins import get_plugin

_REQUEST_MEMO = "_ben_plugin_overrides"
logger = logging.getLogger(__name__)


def overrides_for_site(site: Site | None) -> dict[str, bool]:
    if site is None:
        return {}
    return dict(PluginActivation.objects.filter(site=site).values_list("plugin", "enabled"))


def is_enabled(label: str, site: Site | None, overrides: dict[str, bool] | None = None) -> bool:
    """True if the plugin is loaded and switched on for ``site`` (its default without a row)."""
    plugin = get_plugin(label)
    if plugin is None:
        return False
    if overrides is None:
        overrides = overrides_for_site(site)
    return overrides.get(label, plugin.meta.default_enabled)


def is_enabled_for_request(label: str, request: HttpRequest) -> bool:
    if not hasattr(request, _REQUEST_MEMO):
        setattr(request, _REQUEST_MEMO, overrides_for_site(site_for_request(request)))
    return is_enabled(label, None, getattr(request, _REQUEST_MEMO))


def set_enabled(label: str, site: Site, enabled: bool, user=None) -> PluginActivation:
    """Switching a plugin changes which endpoints exist and what the API root lists: every
    cached answer of the content API and of the plugin's endpoints goes, in the response
    cache and in the HTTP caches in front."""
    activation, _ = PluginActivation.objects.update_or_create(
        site=site, plugin=label, defaults={"enabled": enabled, "changed_by": user}
    )
    invalidate_all(*plugin_content_labels(label))
    return activation


def plugin_content_labels(label: str) -> set[str]:
    """The content labels the plugin's endpoints declare (``ApiViewSet.shows``; their modules
    are loaded at start, ``plugins.load_api_urls``)."""
    return declared_labels(label)
