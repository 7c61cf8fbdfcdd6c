"""Public pages of the intake, mounted under /mitmachen/ (cms/urls.py): the confirmation
link for every submission type and each plugin's ``public_urls`` under its label.

Where a plugin is off, the plugin guard answers its pages with 404 like all its views.
"""

import logging
from importlib import import_module

from django.urls import include, path

from ..plugins import all_plugins
from .views import ConfirmView

logger = logging.getLogger(__name__)

#: First path segment under /mitmachen/ that no plugin label may take.
CONFIRM_SEGMENT = "bestaetigen"


def plugin_public_patterns() -> list:
    patterns = []
    for plugin in all_plugins():
        if not plugin.meta.public_urls or plugin.label == CONFIRM_SEGMENT:
            continue
        try:
            module = import_module(plugin.meta.public_urls)
        except Exception:
            logger.exception("Public urls of plugin %s not loaded.", plugin.label)
            continue
        patterns.append(
            path(
                f"{plugin.label}/",
                include((module.urlpatterns, plugin.label), namespace=f"{plugin.label}_public"),
            )
        )
    return patterns


urlpatterns = [
    path(f"{CONFIRM_SEGMENT}/<str:token>/", ConfirmView.as_view(), name="ben_intake_confirm"),
    *plugin_public_patterns(),
]
