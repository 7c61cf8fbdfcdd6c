"""Finding plugins for INSTALLED_APPS: built-in ones plus entry points of installed packages.

Runs while the settings are imported, before Django is set up. A plugin that cannot be
imported or does not fit this BEN CMS version is left out and recorded in ``PROBLEMS``;
the system check ``ben_plugins.W001`` reports it. Discovery never raises.
"""

import importlib
import importlib.util
import inspect
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points

import cms

from .meta import BenPluginMeta

logger = logging.getLogger(__name__)

ENTRY_POINT_GROUP = "ben_cms.plugins"
BUILTIN_PLUGINS = {
    "webhooks": "ben_plugins.webhooks",
    "feeds": "ben_plugins.feeds",
    "ehrenamtskarte": "ben_plugins.ehrenamtskarte",
    "ehrenamtsmedaille": "ben_plugins.ehrenamtsmedaille",
    "vermittlung": "ben_plugins.vermittlung",
}


@dataclass(frozen=True)
class Candidate:
    name: str
    app: str
    source: str


@dataclass(frozen=True)
class DiscoveryProblem:
    name: str
    source: str
    message: str


PROBLEMS: list[DiscoveryProblem] = []
SKIPPED_BY_SETTING: list[str] = []
UNKNOWN_DISABLED: list[str] = []


def candidates() -> list[Candidate]:
    found = [Candidate(name, app, "built-in") for name, app in BUILTIN_PLUGINS.items()]
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        distribution = entry_point.dist.name if entry_point.dist else "unknown"
        found.append(Candidate(entry_point.name, entry_point.value, f"package {distribution}"))
    return found


def discover_plugin_apps(
    disabled: Iterable[str] = (), installed_apps: Iterable[str] = ()
) -> list[str]:
    """Dotted app paths of every loadable, compatible plugin not named in ``disabled``.

    A plugin whose app label is already taken (by ``installed_apps`` or an earlier plugin)
    is left out too: Django would refuse to start with duplicate labels.
    """
    PROBLEMS.clear()
    SKIPPED_BY_SETTING.clear()
    disabled = set(disabled)
    found = candidates()
    UNKNOWN_DISABLED[:] = sorted(disabled - {candidate.name for candidate in found})
    labels = {app.rpartition(".")[2]: "a core app" for app in installed_apps}
    apps, seen = [], {}
    for candidate in found:
        if candidate.name in disabled:
            SKIPPED_BY_SETTING.append(candidate.name)
            continue
        if candidate.name in seen:
            _record(candidate, f"Name already taken by {seen[candidate.name].source}.")
            continue
        label, problem = _load(candidate)
        if not problem and label in labels:
            problem = f"App label '{label}' is already taken by {labels[label]}."
        if problem:
            _record(candidate, problem)
            continue
        seen[candidate.name] = candidate
        labels[label] = candidate.source
        apps.append(candidate.app)
    return apps


def _record(candidate: Candidate, message: str) -> None:
    logger.warning("Plugin %s (%s) not loaded: %s", candidate.name, candidate.source, message)
    PROBLEMS.append(DiscoveryProblem(candidate.name, candidate.source, message))


def _load(candidate: Candidate) -> tuple[str | None, str | None]:
    """The plugin's app label and why it cannot be loaded (None if it can)."""
    try:
        config_class = _config_class(candidate.app)
    except Exception as error:  # a broken plugin must never stop the site from starting
        message = f"Importing '{candidate.app}' failed: {type(error).__name__}: {error}"
        return None, message
    meta = getattr(config_class, "plugin_meta", None)
    if not isinstance(meta, BenPluginMeta):
        return None, (
            f"'{candidate.app}' has no AppConfig with a 'plugin_meta' attribute of type "
            "BenPluginMeta."
        )
    label = getattr(config_class, "label", None) or config_class.name.rpartition(".")[2]
    return label, " ".join(meta.problems(cms.__version__)) or None


def _config_class(app_path: str):
    """Resolve an INSTALLED_APPS entry to its AppConfig class the way Django does,
    importing only the app package and its apps.py."""
    from django.apps import AppConfig

    try:
        importlib.import_module(app_path)
    except ModuleNotFoundError as error:
        module_path, _, class_name = app_path.rpartition(".")
        if error.name != app_path or not module_path:
            raise
        candidate = getattr(importlib.import_module(module_path), class_name, None)
        if inspect.isclass(candidate) and issubclass(candidate, AppConfig):
            return candidate
        raise
    if importlib.util.find_spec(f"{app_path}.apps") is None:
        return None
    apps_module = importlib.import_module(f"{app_path}.apps")
    configs = [
        value
        for value in vars(apps_module).values()
        if inspect.isclass(value)
        and issubclass(value, AppConfig)
        and value.__module__ == apps_module.__name__
    ]
    defaults = [config for config in configs if getattr(config, "default", False)]
    if len(defaults) == 1:
        return defaults[0]
    return configs[0] if len(configs) == 1 else None
