"""System checks: every plugin problem is reported here instead of crashing the site.

In English, as Django's own checks.
"""

from importlib import import_module

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from django.db import models

import cms

from . import discovery
from .intake.models import Submission
from .pages import PluginPageMixin, plugin_page_models
from .personal_data.declarations import ClubAccess, PersonalData, declared_models
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


def submission_models() -> list[type]:
    """Every installed concrete model that takes submissions from the public."""
    return [model for model in apps.get_models() if issubclass(model, Submission)]


@checks.register("ben_plugins")
def check_personal_data_declarations(app_configs=None, **kwargs):
    """A submission without a declaration would hold citizens' data that no group guards,
    no access log records and no retention deletes."""
    errors = []
    for model in submission_models():
        if not isinstance(getattr(model, "personal_data", None), PersonalData):
            errors.append(
                checks.Error(
                    f"{model._meta.label} takes submissions from the public but declares no "
                    "personal data.",
                    hint="Add personal_data = PersonalData(purpose=..., fields=..., "
                    "email_field=..., retention=..., access=...) (docs/plugins.md, 4.10).",
                    obj=model,
                    id="ben_plugins.E006",
                )
            )
    for model in declared_models():
        errors += _declaration_errors(model, model.personal_data)
    return errors


def _declaration_errors(model, declaration: PersonalData) -> list:
    named = {
        "fields": list(declaration.fields),
        "email_field": [declaration.email_field],
        "listed": list(declaration.listed),
        "retention": [rule.after for rule in declaration.rules],
        "related": list(declaration.related),
        "related_about": [declaration.related_about] if declaration.related_about else [],
        "third_parties": [
            name
            for email_field, fields in declaration.third_parties.items()
            for name in (email_field, *fields)
        ],
    }
    if isinstance(declaration.access, ClubAccess):
        named["access"] = [declaration.access.field]
    errors = [
        checks.Error(
            f"{model._meta.label}.personal_data ({part}) names the unknown field '{name}'.",
            obj=model,
            id="ben_plugins.E007",
        )
        for part, names in named.items()
        for name in names
        if not _has_field(model, name)
    ]
    shown = sorted(set(declaration.listed) & set(declaration.fields))
    if shown:
        errors.append(
            checks.Error(
                f"{model._meta.label}.personal_data lists personal fields in the admin's list: "
                f"{', '.join(shown)}.",
                hint="Opening a record is logged, the list is not: list only what is not personal.",
                obj=model,
                id="ben_plugins.E008",
            )
        )
    errors += [
        checks.Error(
            f"{model._meta.label}.personal_data: {problem}", obj=model, id="ben_plugins.E009"
        )
        for problem in _incomplete(model, declaration)
    ]
    return errors


def _incomplete(model, declaration: PersonalData) -> list[str]:
    """What the Art. 30 record, the inbox and the retention need and the declaration lacks."""
    problems = [
        f"{name} is empty"
        for name in ("purpose", "legal_basis", "subjects")
        if not getattr(declaration, name)
    ]
    if not declaration.rules:
        problems.append("no retention rule")
    problems += [
        f"retention counts from '{rule.after}', which is not a date"
        for rule in declaration.rules
        if _has_field(model, rule.after)
        and not isinstance(model._meta.get_field(rule.after), models.DateField)
    ]
    if not (isinstance(declaration.access, ClubAccess) or declaration.access.groups):
        problems.append("access names no group")
    if declaration.related_about and declaration.related_about not in {
        declaration.email_field,
        *declaration.third_parties,
    }:
        problems.append(
            f"related_about '{declaration.related_about}' is neither email_field nor a key "
            "of third_parties"
        )
    return problems


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


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
