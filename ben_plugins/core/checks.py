"""System checks: every plugin problem is reported here instead of crashing the site.

In English, as Django's own checks.
"""

from importlib import import_module

from django.core import checks

import cms

from . import discovery
from .pages import PluginPageMixin, plugin_page_models
from .plugins import all_plugins, plugin_for_model

# First path segments under /api/v1/ that belong to the core API.
RESERVED_API_SEGMENTS = {
    "benefit-partners",
    "categories",
    "clubs",
    "docs",
    "events",
    "news",
    "opportunities",
    "preview",
    "redoc",
    "schema",
    "strategy-chapters",
    "target-groups",
    "trainings",
}


@checks.register("ben_plugins")
def check_discovery(app_configs=None, **kwargs):
    warnings = [
        checks.Warning(
            f"Plugin '{problem.name}' ({problem.source}) was not loaded: {problem.message}",
            hint="Update or repair the plugin, or leave it out with BEN_PLUGINS_DISABLED.",
            id="ben_plugins.W001",
        )
        for problem in discovery.PROBLEMS
    ]
    if discovery.UNKNOWN_DISABLED:
        known = ", ".join(sorted(candidate.name for candidate in discovery.candidates()))
        warnings.append(
            checks.Warning(
                "BEN_PLUGINS_DISABLED names unknown plugins: "
                f"{', '.join(discovery.UNKNOWN_DISABLED)}.",
                hint=f"Known plugins: {known}.",
                id="ben_plugins.W002",
            )
        )
    return warnings


@checks.register("ben_plugins")
def check_loaded_plugins(app_configs=None, **kwargs):
    errors = []
    for plugin in all_plugins():
        errors += [
            checks.Error(f"Plugin '{plugin.label}': {message}", id="ben_plugins.E001")
            for message in plugin.meta.problems(cms.__version__)
        ]
        if plugin.label in RESERVED_API_SEGMENTS:
            errors.append(
                checks.Error(
                    f"Plugin '{plugin.label}': its app label collides with the core API path "
                    f"/api/v1/{plugin.label}/.",
                    hint="Choose another label in the plugin's AppConfig.",
                    id="ben_plugins.E002",
                )
            )
        errors += _api_urls_errors(plugin)
    return errors


@checks.register("ben_plugins")
def check_plugin_page_types(app_configs=None, **kwargs):
    errors = []
    for model in plugin_page_models():
        label = plugin_for_model(model).label
        if not issubclass(model, PluginPageMixin):
            errors.append(
                checks.Error(
                    f"Page type {model._meta.label} (plugin '{label}') does not inherit from "
                    "PluginPageMixin and would stay creatable where the plugin is switched off.",
                    hint="class MyPage(PluginPageMixin, Page): ...",
                    obj=model,
                    id="ben_plugins.E003",
                )
            )
        if model.is_creatable and not model.allowed_parent_page_models():
            errors.append(
                checks.Error(
                    f"Page type {model._meta.label} (plugin '{label}') has no allowed parent "
                    "page type.",
                    hint='Set parent_page_types, e.g. ["pages.ClubPage"].',
                    obj=model,
                    id="ben_plugins.E004",
                )
            )
    return errors


def _api_urls_errors(plugin) -> list:
    if not plugin.meta.api_urls:
        return []
    try:
        module = import_module(plugin.meta.api_urls)
    except Exception as error:
        message = f"Module {plugin.meta.api_urls} cannot be imported: {error}"
    else:
        if isinstance(getattr(module, "urlpatterns", None), list):
            return []
        message = f"Module {plugin.meta.api_urls} has no list 'urlpatterns'."
    return [checks.Error(f"Plugin '{plugin.label}': {message}", id="ben_plugins.E005")]
