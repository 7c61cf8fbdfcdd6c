"""Mount every plugin's API urls under /api/v1/<plugin label>/.

Where a plugin is off they answer 404: the plugin guard (``guard.PluginGuardMiddleware``)
refuses them, as every other view of the plugin.
"""

import logging

from django.urls import include, path

from .plugins import all_plugins, load_api_urls

logger = logging.getLogger(__name__)


def plugin_api_patterns() -> list:
    patterns = []
    for plugin in all_plugins():
        module = load_api_urls(plugin)
        if module is None:
            continue
        patterns.append(
            path(
                f"{plugin.label}/",
                include((module.urlpatterns, plugin.label), namespace=plugin.label),
            )
        )
    return patterns


urlpatterns = plugin_api_patterns()
