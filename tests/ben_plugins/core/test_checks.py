"""System checks report what is wrong with a loaded plugin, by id and in English."""

from types import SimpleNamespace

from ben_plugins.core import checks
from ben_plugins.core.meta import BenPluginMeta
from ben_plugins.core.plugins import Plugin
from cms.pages.models import EventPage


def fake_plugin(label="extra", **meta):
    fields = {
        "name": "Extra",
        "version": "1.0",
        "description": "Ein Test-Plugin.",
        "author": "Test",
        "compatibility": ">=0.1",
        **meta,
    }
    return Plugin(SimpleNamespace(label=label, name=f"fake.{label}"), BenPluginMeta(**fields))


def ids(messages):
    return [message.id for message in messages]


def test_a_valid_plugin_passes(monkeypatch):
    monkeypatch.setattr(checks, "all_plugins", lambda: [fake_plugin()])
    assert checks.check_loaded_plugins() == []


def test_incompatible_metadata_reserved_label_and_broken_api_urls(monkeypatch):
    plugin = fake_plugin("clubs", version="eins", compatibility=">=99", api_urls="no.such.api_urls")
    monkeypatch.setattr(checks, "all_plugins", lambda: [plugin])
    messages = checks.check_loaded_plugins()
    assert ids(messages) == [
        "ben_plugins.E001",
        "ben_plugins.E001",
        "ben_plugins.E002",
        "ben_plugins.E005",
    ]
    assert messages[0].msg == "Plugin 'clubs': Version 'eins' is not a valid PEP 440 version."
    assert "collides with the core API path /api/v1/clubs/" in messages[2].msg
    assert "Module no.such.api_urls cannot be imported" in messages[3].msg


def test_api_urls_without_urlpatterns(monkeypatch):
    plugin = fake_plugin(api_urls="ben_plugins.core.meta")
    monkeypatch.setattr(checks, "all_plugins", lambda: [plugin])
    [error] = checks.check_loaded_plugins()
    assert error.msg == "Plugin 'extra': Module ben_plugins.core.meta has no list 'urlpatterns'."


def test_page_type_without_the_mixin_is_an_error(monkeypatch):
    monkeypatch.setattr(checks, "plugin_page_models", lambda: [EventPage])
    monkeypatch.setattr(checks, "plugin_for_model", lambda model: fake_plugin())
    [error] = checks.check_plugin_page_types()
    assert error.id == "ben_plugins.E003"
    assert "pages.EventPage (plugin 'extra') does not inherit from PluginPageMixin" in error.msg


def test_page_type_without_an_allowed_parent_is_an_error(monkeypatch):
    class Orphan:
        is_creatable = True
        _meta = SimpleNamespace(label="extra.OrphanPage")

        @staticmethod
        def allowed_parent_page_models():
            return []

    monkeypatch.setattr(checks, "plugin_page_models", lambda: [Orphan])
    monkeypatch.setattr(checks, "plugin_for_model", lambda model: fake_plugin())
    monkeypatch.setattr(checks, "PluginPageMixin", object)
    [error] = checks.check_plugin_page_types()
    assert error.id == "ben_plugins.E004"
