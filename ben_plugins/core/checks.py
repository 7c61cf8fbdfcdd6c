"""System checks: every plugin problem is reported here instead of crashing the site."""

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
            f"Plugin „{problem.name}“ ({problem.source}) wurde nicht geladen: {problem.message}",
            hint="Plugin aktualisieren, reparieren oder über BEN_PLUGINS_DISABLED ausschließen.",
            id="ben_plugins.W001",
        )
        for problem in discovery.PROBLEMS
    ]
    if discovery.UNKNOWN_DISABLED:
        known = ", ".join(sorted(candidate.name for candidate in discovery.candidates()))
        warnings.append(
            checks.Warning(
                "BEN_PLUGINS_DISABLED nennt unbekannte Plugins: "
                f"{', '.join(discovery.UNKNOWN_DISABLED)}.",
                hint=f"Bekannte Plugins: {known}.",
                id="ben_plugins.W002",
            )
        )
    return warnings


@checks.register("ben_plugins")
def check_loaded_plugins(app_configs=None, **kwargs):
    errors = []
    for plugin in all_plugins():
        errors += [
            checks.Error(f"Plugin „{plugin.label}“: {message}", id="ben_plugins.E001")
            for message in plugin.meta.problems(cms.__version__)
        ]
        if plugin.label in RESERVED_API_SEGMENTS:
            errors.append(
                checks.Error(
                    f"Plugin „{plugin.label}“: der App-Label kollidiert mit dem API-Pfad "
                    f"/api/v1/{plugin.label}/ der Kern-API.",
                    hint="In der AppConfig einen anderen label wählen.",
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
                    f"Seitentyp {model._meta.label} (Plugin „{label}“) erbt nicht von "
                    "PluginPageMixin und bliebe bei deaktiviertem Plugin anlegbar.",
                    hint="class MyPage(PluginPageMixin, Page): ...",
                    obj=model,
                    id="ben_plugins.E003",
                )
            )
        if model.is_creatable and not model.allowed_parent_page_models():
            errors.append(
                checks.Error(
                    f"Seitentyp {model._meta.label} (Plugin „{label}“) hat keinen erlaubten "
                    "Elternseitentyp.",
                    hint='parent_page_types = ["pages.ClubPage"] o. ä. angeben.',
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
        message = f"Modul {plugin.meta.api_urls} nicht importierbar: {error}"
    else:
        if isinstance(getattr(module, "urlpatterns", None), list):
            return []
        message = f"Modul {plugin.meta.api_urls} hat keine Liste urlpatterns."
    return [checks.Error(f"Plugin „{plugin.label}“: {message}", id="ben_plugins.E005")]
