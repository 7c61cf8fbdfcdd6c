"""The plugin contract, checked for every plugin Django has loaded (built-in and external).

A new plugin gets these tests for free; a failure names the plugin and the broken rule.
"""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.models import Page

import cms
from ben_plugins.core import checks, discovery
from ben_plugins.core.checks import RESERVED_API_SEGMENTS
from ben_plugins.core.guard import plugin_owning
from ben_plugins.core.letters import letters_of
from ben_plugins.core.letters.placeholders import problems as placeholder_problems
from ben_plugins.core.pages import CORE_PAGE_APPS, PluginPageMixin
from ben_plugins.core.personal_data.declarations import declared_models
from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.core.plugins import all_plugins
from ben_plugins.core.signals import (
    content_deleted,
    content_published,
    content_unpublished,
    moderation_state_changed,
)
from ben_plugins.core.transitions import transitions_of
from cms.moderation.club_content import ClubContent
from tests.ben_plugins.core.intake_helpers import factory_for, leaf_patterns
from tests.ben_plugins.core.intake_helpers import reader as make_reader
from tests.factories.users import UserFactory

PLUGINS = all_plugins()
CONTENT_SIGNALS = [
    content_published,
    content_unpublished,
    content_deleted,
    moderation_state_changed,
]


def plugin_params():
    return [pytest.param(plugin, id=plugin.label) for plugin in PLUGINS]


def test_every_discovered_plugin_is_loaded():
    discovered = {candidate.name for candidate in discovery.candidates()}
    left_out = {problem.name for problem in discovery.PROBLEMS}
    left_out |= set(discovery.SKIPPED_BY_SETTING)
    assert discovered - left_out == {plugin.label for plugin in PLUGINS}


@pytest.mark.parametrize("plugin", plugin_params())
def test_metadata_is_complete_and_compatible(plugin):
    assert plugin.meta.problems(cms.__version__) == []


@pytest.mark.parametrize("plugin", plugin_params())
def test_label_matches_the_discovery_name_and_is_no_core_api_path(plugin):
    names = {candidate.app: candidate.name for candidate in discovery.candidates()}
    assert names[plugin.app_config.name] == plugin.label
    assert plugin.label not in RESERVED_API_SEGMENTS


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_migrations_are_complete(plugin):
    call_command("makemigrations", plugin.label, check=True, dry_run=True, verbosity=0)


@pytest.mark.parametrize("plugin", plugin_params())
def test_page_types_respect_activation_and_hang_below_core_pages(plugin):
    for model in plugin.app_config.get_models():
        if not issubclass(model, Page):
            continue
        assert issubclass(model, PluginPageMixin), model
        parents = model.allowed_parent_page_models()
        assert parents, f"{model._meta.label} has no allowed parent"
        for parent in parents:
            if parent._meta.app_label in CORE_PAGE_APPS:
                assert model in parent.creatable_subpage_models()


@pytest.mark.parametrize("plugin", plugin_params())
def test_moderated_content_types_are_registered_snippets(plugin):
    for model in plugin.app_config.get_models():
        if issubclass(model, ClubContent):
            assert hasattr(model, "snippet_viewset"), f"{model._meta.label} is no snippet"


def _plugin_api_patterns(plugin) -> list[URLPattern]:
    resolver = get_resolver()
    try:
        api = next(p for p in resolver.url_patterns if str(p.pattern) == "api/v1/")
    except StopIteration:
        return []
    return [p for _route, p in leaf_patterns(api.url_patterns) if _owned_by(p, plugin)]


def _owned_by(pattern: URLPattern, plugin) -> bool:
    """Whether the plugin guard counts the pattern's view as the plugin's."""
    owner = plugin_owning(pattern.callback, {})
    return owner is not None and owner.label == plugin.label


@pytest.mark.parametrize("plugin", plugin_params())
def test_every_api_endpoint_is_mounted_and_known_to_the_guard(plugin):
    mounted = _plugin_api_patterns(plugin)
    if not plugin.meta.api_urls:
        assert mounted == []
        return
    assert mounted, f"no endpoint of {plugin.label} below /api/v1/{plugin.label}/"


def _method_of(pattern: URLPattern) -> str:
    """GET where the endpoint reads, else the one method it takes (intake: POST)."""
    actions = getattr(pattern.callback, "actions", None) or {"get": "list"}
    return "get" if "get" in actions else next(iter(actions))


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_endpoints_answer_404_when_disabled(plugin, client, site, switch_plugin):
    endpoints = [
        (f"/api/v1/{plugin.label}/{pattern.pattern}", _method_of(pattern))
        for pattern in _plugin_api_patterns(plugin)
        if not pattern.pattern.converters and "^" not in str(pattern.pattern)
    ]
    if not endpoints:
        pytest.skip(f"{plugin.label} has no parameterless API endpoint")

    def call(path, method):
        if method == "get":
            return client.get(path)
        return getattr(client, method)(path, data="{}", content_type="application/json")

    switch_plugin(plugin.label, True)
    for path, method in endpoints:
        # Read endpoints answer; a submission endpoint refuses the empty object (400).
        assert call(path, method).status_code == (200 if method == "get" else 400), path
    switch_plugin(plugin.label, False)
    for path, method in endpoints:
        response = call(path, method)
        assert response.status_code == 404, path
        assert response["Content-Type"] == "application/problem+json"


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_receivers_are_skipped_when_disabled(plugin, site, club, switch_plugin):
    def plugin_receivers(responses):
        return {
            receiver
            for receiver, _ in responses
            if receiver.__module__.startswith(plugin.app_config.name)
        }

    switch_plugin(plugin.label, False)
    for signal in CONTENT_SIGNALS:
        named = {"instance": club, "site": site, "revision": None, "state": "submitted"}
        assert plugin_receivers(signal.send(type(club), **named)) == set()
        assert plugin_receivers(signal.send_robust(type(club), **named)) == set()


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_disabling_keeps_all_data(plugin, site, switch_plugin):
    def counts():
        return {
            model._meta.label: model._default_manager.count()
            for model in plugin.app_config.get_models()
        }

    before = counts()
    switch_plugin(plugin.label, False)
    assert counts() == before


def _plugin_admin_paths(plugin) -> list[str]:
    """The parameterless admin URLs that belong to the plugin."""
    paths = []

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif _owned_by(pattern, plugin):
                route = prefix + str(pattern.pattern)
                if not pattern.pattern.converters and "(?P" not in route:
                    paths.append("/" + route.replace("^", "").replace("$", ""))

    walk([p for p in get_resolver().url_patterns if str(p.pattern) == "admin/"], "")
    return paths


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_admin_views_answer_404_when_disabled(plugin, admin_client, site, switch_plugin):
    paths = _plugin_admin_paths(plugin)
    if not paths:
        pytest.skip(f"{plugin.label} has no parameterless admin view")
    switch_plugin(plugin.label, False)
    for path in paths:
        assert admin_client.get(path).status_code == 404, path


# Personal data, statuses and letters (docs/plugins.md 4.6–4.8): what a plugin declares holds.


def _personal_data_models(plugin):
    return [model for model in plugin.app_config.get_models() if model in declared_models()]


@pytest.mark.parametrize("plugin", plugin_params())
def test_submissions_declare_their_personal_data_completely(plugin):
    """The system check ``ben_plugins.E006``–``E009``, for this plugin's models."""
    own_models = set(plugin.app_config.get_models())
    problems = [
        error.msg for error in checks.check_personal_data_declarations() if error.obj in own_models
    ]
    assert problems == []


@pytest.mark.parametrize("plugin", plugin_params())
def test_transitions_and_letters_are_consistent(plugin):
    for model in plugin.app_config.get_models():
        if declared := transitions_of(model):
            states = {
                str(value) for value, _ in model._meta.get_field(declared.state_field).choices
            }
            for transition in declared.transitions:
                assert transition.source_set | {transition.target} <= states, transition
                assert transition.groups or transition.system, f"{transition} names no group"
                if transition.stamp:
                    model._meta.get_field(transition.stamp)
        for letter in letters_of(model):
            assert letter.key.startswith(f"{plugin.label}."), letter.key
            for text in (letter.subject, letter.body):
                assert placeholder_problems(text, letter.placeholders) == [], letter.key


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_personal_data_is_seen_only_by_its_readers_and_every_look_is_logged(plugin, client, site):
    models_with_data = _personal_data_models(plugin)
    if not models_with_data:
        pytest.skip(f"{plugin.label} declares no personal data")
    outsider = UserFactory(username="aussenstehend")
    outsider.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for model in models_with_data:
        record = factory_for(model)()
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        views = [f"{base}{view}/{record.pk}/" for view in ("inspect", "edit", "delete", "history")]
        client.force_login(outsider)
        for path in [base, f"{base}?export=csv", *views]:
            assert client.get(path).status_code == 403, path
        assert not AccessLogEntry.objects.filter(username="aussenstehend").exists()
        reader = make_reader(model, record)
        client.force_login(reader)
        declared = model.personal_data
        allowed = {
            "inspect": True,
            "edit": declared.may_change(reader, record),
            "delete": declared.may_delete(reader, record),
            "history": True,
        }
        assert client.get(base).status_code == 200
        for view, path in zip(allowed, views, strict=True):
            assert client.get(path).status_code == (200 if allowed[view] else 403), path
        logged = AccessLogEntry.objects.filter(
            object_id=str(record.pk), content_type__model=model._meta.model_name
        )
        looks = sum(allowed[view] for view in ("inspect", "edit", "delete"))
        assert sorted(logged.values_list("action", flat=True)) == ["history", *["view"] * looks]


@pytest.mark.django_db
@pytest.mark.parametrize("plugin", plugin_params())
def test_expired_personal_data_is_deleted_or_anonymised(plugin, site):
    for model in _personal_data_models(plugin):
        for rule in model.personal_data.rules:
            if rule.where is not None:
                continue
            record = factory_for(model)()
            long_ago = timezone.now() - rule.period(plugin.label) - timedelta(days=1)
            model._base_manager.filter(pk=record.pk).update(**{rule.after: long_ago})
            call_command("ben_retention", verbosity=0, stdout=io.StringIO())
            remaining = model._base_manager.filter(pk=record.pk).first()
            if rule.action == "delete":
                assert remaining is None, f"{model._meta.label}: {rule}"
            else:
                email = model.personal_data.email_field
                assert getattr(remaining, email) == model.personal_data.anonymous_value(email)
