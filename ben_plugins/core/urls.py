"""Mount every plugin's API urls under /api/v1/<plugin label>/.

Where a plugin is off they answer 404: the plugin guard (``guard.PluginGuardMiddleware``)
refuses them, as every other view of the plugin.
"""

import logging
from importlib import import_module

from django.urls import include, path

from .plugins import all_plugins

logger = logging.getLogger(__name__)


def plugin_api_patterns() -> list:
    patterns = []
    for plugin in all_plugins():
        if not plugin.meta.api_urls:
            continue
        try:
            module = import_module(plugin.meta.api_urls)
        except Exception:  # reported by the system check ben_plugins.E005
            logger.exception("API urls of plugin %s not loaded.", plugin.label)
            continue
        patterns.append(
            path(
                f"{plugin.label}/",
                include((module.urlpatterns, plugin.label), namespace=plugin.label),
            )
        )
    return patterns


urlpatterns = plugin_api_patterns()
