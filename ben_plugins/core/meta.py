"""Typed metadata a plugin's AppConfig declares (importable before Django is set up)."""

import importlib
import importlib.util
from dataclasses import dataclass

from django.apps import AppConfig
from packaging.specifiers import InvalidSpecifier, SpecifierSet
from packaging.version import InvalidVersion, Version


@dataclass(frozen=True)
class BenPluginMeta:
    """What BEN CMS needs to know about a plugin, set as ``plugin_meta`` on its AppConfig.

    ``compatibility`` is a PEP 440 version specifier matched against ``cms.__version__``;
    ``api_urls`` names a module whose ``urlpatterns`` the core mounts under
    ``/api/v1/<app label>/``, ``public_urls`` one mounted under ``/mitmachen/<app label>/``
    (public HTML pages such as intake forms, ben_plugins.core.intake).
    """

    name: str
    version: str
    description: str
    author: str
    compatibility: str
    default_enabled: bool = True
    api_urls: str | None = None
    public_urls: str | None = None

    def problems(self, cms_version: str) -> list[str]:
        """Reasons why this plugin cannot run on ``cms_version`` (English, as system checks)."""
        problems = [
            f"Required field '{field}' is missing."
            for field in ("name", "version", "description", "author")
            if not str(getattr(self, field)).strip()
        ]
        try:
            Version(self.version)
        except InvalidVersion:
            problems.append(f"Version '{self.version}' is not a valid PEP 440 version.")
        try:
            specifier = SpecifierSet(self.compatibility)
        except InvalidSpecifier:
            problems.append(
                f"Compatibility '{self.compatibility}' is not a valid version range "
                "(e.g. '>=0.1,<1.0')."
            )
        else:
            if not str(specifier):
                problems.append("Compatibility is missing (e.g. '>=0.1,<1.0').")
            elif not specifier.contains(cms_version, prereleases=True):
                problems.append(
                    f"Requires BEN CMS {self.compatibility}; {cms_version} is installed."
                )
        return problems


class BenPluginConfig(AppConfig):
    """Optional base for a plugin's AppConfig: imports the plugin's ``signals`` and
    ``intake`` modules.

    Any AppConfig with a ``plugin_meta`` attribute is a plugin; this base only saves the
    usual ``ready()`` boilerplate that connects receivers.
    """

    plugin_meta: BenPluginMeta
    default_auto_field = "django.db.models.BigAutoField"
    # Django picks the AppConfig of an apps.py automatically only if exactly one class
    # there is a default candidate; this imported base must never be that candidate.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "default" not in cls.__dict__:
            cls.default = True

    def ready(self):
        for module in ("signals", "intake"):  # receivers; submission types (core.intake)
            if importlib.util.find_spec(f"{self.name}.{module}"):
                importlib.import_module(f"{self.name}.{module}")
