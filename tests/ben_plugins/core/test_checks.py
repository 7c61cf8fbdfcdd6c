"""System checks report what is wrong with a loaded plugin, by id and in English."""

from types import SimpleNamespace

from ben_example_plugin.models import TopicSuggestion

from ben_plugins.core import checks
from ben_plugins.core.meta import BenPluginMeta
from ben_plugins.core.personal_data import ClubAccess, GroupAccess, PersonalData, Retention
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


def test_every_installed_submission_model_declares_its_personal_data():
    assert checks.submission_models()
    assert checks.check_personal_data_declarations() == []


def test_a_submission_model_without_declaration_is_an_error(monkeypatch):
    class Undeclared:
        _meta = SimpleNamespace(label="extra.Application")

    monkeypatch.setattr(checks, "submission_models", lambda: [Undeclared])
    monkeypatch.setattr(checks, "declared_models", lambda: [])
    [error] = checks.check_personal_data_declarations()
    assert error.id == "ben_plugins.E006"
    assert error.msg == (
        "extra.Application takes submissions from the public but declares no personal data."
    )


def test_a_declaration_naming_unknown_or_listed_personal_fields_is_an_error(monkeypatch):
    class Misdeclared:
        _meta = TopicSuggestion._meta
        personal_data = PersonalData(
            purpose="Test",
            fields=["name", "shoe_size"],
            email_field="mail",
            retention=Retention(after="closed_at", months=6),
            access=ClubAccess(field="verein"),
            listed=["topic", "name"],
        )

    monkeypatch.setattr(checks, "submission_models", lambda: [])
    monkeypatch.setattr(checks, "declared_models", lambda: [Misdeclared])
    messages = checks.check_personal_data_declarations()
    assert ids(messages) == ["ben_plugins.E007"] * 4 + ["ben_plugins.E008"]
    unknown = {message.msg.rsplit(" ", 1)[-1] for message in messages[:4]}
    assert unknown == {"'shoe_size'.", "'mail'.", "'closed_at'.", "'verein'."}
    assert messages[4].msg.endswith("list: name.")


def test_an_incomplete_declaration_is_an_error(monkeypatch):
    class Incomplete:
        _meta = TopicSuggestion._meta
        personal_data = PersonalData(
            purpose="",
            fields=["name"],
            email_field="email",
            retention=Retention(after="name", months=6),
            access=GroupAccess(),
        )

    monkeypatch.setattr(checks, "submission_models", lambda: [])
    monkeypatch.setattr(checks, "declared_models", lambda: [Incomplete])
    assert [message.msg for message in checks.check_personal_data_declarations()] == [
        "example.TopicSuggestion.personal_data: purpose is empty",
        "example.TopicSuggestion.personal_data: retention counts from 'name', which is not a date",
        "example.TopicSuggestion.personal_data: access names no group",
    ]
