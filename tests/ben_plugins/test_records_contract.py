"""The records contract, checked for every loaded plugin through its factories
(docs/plugins.md section 5): declared transitions are made and logged through the admin,
undeclared ones refused; personal data is exported (Art. 15) and erased (Art. 17) by
``manage.py ben_personal_data``; every declared letter renders to a valid PDF; every
one-time link purpose refuses tampered, used, expired and foreign tokens."""

import json
import re
from datetime import timedelta
from importlib import import_module

import pytest
from ben_example_plugin.models import TopicSuggestion
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ben_plugins.core import tokens
from ben_plugins.core.intake.service import CONFIRM, Intake
from ben_plugins.core.letters import letters_of
from ben_plugins.core.letters.placeholders import fill
from ben_plugins.core.letters.rendering import render_letter
from ben_plugins.core.personal_data.declarations import declared_models
from ben_plugins.core.plugins import all_plugins
from ben_plugins.core.transitions import LOG_ACTION, transitions_of
from ben_plugins.webhooks.models import WebhookSubscription
from tests.ben_plugins.core.intake_helpers import factory_for, intake_body, reader, unique_email
from tests.ben_plugins.core.test_letters import pdf_text, require_pango

pytestmark = pytest.mark.django_db


def plugin_params():
    return [pytest.param(plugin, id=plugin.label) for plugin in all_plugins()]


def _models(plugin, condition) -> list:
    return [model for model in plugin.app_config.get_models() if condition(model)]


def _admin_url(model, view: str, record) -> str:
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{view}/{record.pk}/"


def _transition_log(model, record):
    return ModelLogEntry.objects.filter(
        action=LOG_ACTION,
        content_type=ContentType.objects.get_for_model(model),
        object_id=str(record.pk),
    )


def _movable(model):
    """A record a declared transition can move: ``<Model>Factory.movable()`` where the
    plugin's own rules need more than the factory's record (the jury's votes)."""
    factory = factory_for(model)
    return factory.movable() if hasattr(factory, "movable") else factory()


# Statuses (issue 13.3).


@pytest.mark.parametrize("plugin", plugin_params())
def test_a_legal_transition_is_made_and_logged_with_who_and_comment(plugin, client, site):
    models = _models(plugin, transitions_of)
    if not models:
        pytest.skip(f"{plugin.label} declares no transitions")
    for model in models:
        declared = transitions_of(model)
        record = _movable(model)
        source = declared.current(record)
        made_by_people = [t for t in declared.from_state(source) if t.groups]
        assert made_by_people, (
            f"{model._meta.label}: no transition from „{source}“ that a group may make; "
            "let <Model>Factory.movable() build a record that can be moved"
        )
        transition = made_by_people[0]
        user = reader(model, record, transition.groups[0])
        client.force_login(user)

        response = client.post(
            _admin_url(model, "transition", record),
            {"target": transition.target, "comment": "Vertragstest: Kommentar"},
        )

        assert response.status_code == 302, model._meta.label
        record.refresh_from_db()
        assert declared.current(record) == transition.target, model._meta.label
        entry = _transition_log(model, record).get()
        assert entry.user == user
        assert (entry.data["from"], entry.data["to"]) == (source, transition.target)
        assert entry.data["comment"] == "Vertragstest: Kommentar"


@pytest.mark.parametrize("plugin", plugin_params())
def test_an_undeclared_transition_is_refused_with_a_clear_error_and_changes_nothing(
    plugin, client, site
):
    models = _models(plugin, transitions_of)
    if not models:
        pytest.skip(f"{plugin.label} declares no transitions")
    for model in models:
        declared = transitions_of(model)
        record = _movable(model)
        source = declared.current(record)
        states = {str(value) for value, _ in model._meta.get_field(declared.state_field).choices}
        reachable = {t.target for t in declared.from_state(source)}
        unreachable = sorted(states - reachable - {source})
        if not unreachable:
            continue
        groups = {group for t in declared.transitions for group in t.groups}
        client.force_login(reader(model, record, *sorted(groups)))

        response = client.post(
            _admin_url(model, "transition", record), {"target": unreachable[0]}, follow=True
        )

        assert response.status_code == 200
        assert "kein Übergang vorgesehen" in response.content.decode(), model._meta.label
        record.refresh_from_db()
        assert declared.current(record) == source
        assert not _transition_log(model, record).exists()


# Personal data: Art. 15 and Art. 17 per model (issue 13.4). Seen only by its readers and
# logged: test_contract.py.


def _export(capsys, email: str) -> list[dict]:
    call_command("ben_personal_data", email=email)
    return json.loads(capsys.readouterr().out)["records"]


@pytest.mark.parametrize("plugin", plugin_params())
def test_personal_data_is_exported_and_erased_by_email(plugin, site, capsys):
    models = _models(plugin, lambda model: model in declared_models())
    if not models:
        pytest.skip(f"{plugin.label} declares no personal data")
    for model in models:
        declaration = model.personal_data
        email = unique_email("auskunft")
        record = factory_for(model)(**{declaration.email_field: email})
        other = factory_for(model)()

        exported = _export(capsys, email)

        assert [(item["plugin"], item["id"], item["role"]) for item in exported] == [
            (plugin.label, record.pk, "Absender/in")
        ], model._meta.label
        assert exported[0]["type"] == str(model._meta.verbose_name)
        assert exported[0]["data"][declaration.email_field] == email

        call_command("ben_personal_data", email=email, erase=True)
        capsys.readouterr()

        assert not model._base_manager.filter(pk=record.pk).exists(), model._meta.label
        assert model._base_manager.filter(pk=other.pk).exists()
        assert _export(capsys, email) == []


# Letters (issue 13.5).


@pytest.mark.parametrize("plugin", plugin_params())
def test_every_declared_letter_renders_to_a_valid_pdf(plugin, site, admin_client):
    models = _models(plugin, letters_of)
    if not models:
        pytest.skip(f"{plugin.label} declares no letters")
    require_pango()
    for model in models:
        record = factory_for(model)()
        for letter in letters_of(model):
            text = " ".join(pdf_text(render_letter(letter, record)).split())
            subject = fill(letter.subject, letter.placeholders, letter.values(record))
            assert " ".join(subject.split()) in text, letter.key


# One-time links (issue 13.2).


def _purposes(plugin) -> list[tokens.Purpose]:
    return [purpose for purpose in tokens.purposes() if purpose.name.startswith(f"{plugin.label}.")]


def _any_record(plugin):
    """A record of the plugin to bind tokens to (its first model with a factory)."""
    for model in plugin.app_config.get_models():
        try:
            return factory_for(model)()
        except LookupError:
            continue
    raise LookupError(f"{plugin.label} issues one-time links but ships no factory")


def _problem(purpose, token) -> tokens.TokenProblem:
    with pytest.raises(tokens.TokenError) as raised:
        tokens.consume(purpose, token)
    return raised.value.problem


@pytest.mark.parametrize("plugin", plugin_params())
def test_one_time_links_refuse_tampering_reuse_expiry_and_another_purpose(plugin, site, clock):
    purposes = _purposes(plugin)
    if not purposes:
        pytest.skip(f"{plugin.label} declares no one-time link purpose")
    record = _any_record(plugin)
    for purpose in purposes:
        token = tokens.issue(purpose, record)
        tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
        assert _problem(purpose, tampered) is tokens.TokenProblem.INVALID, purpose.name
        assert _problem(CONFIRM, token) is tokens.TokenProblem.INVALID, purpose.name
        assert _problem(purpose, tokens.issue(CONFIRM, record)) is tokens.TokenProblem.INVALID
        assert tokens.consume(purpose, token) == record
        assert _problem(purpose, token) is tokens.TokenProblem.USED, purpose.name

        start = clock.set(timezone.now())
        late = tokens.issue(purpose, record)
        clock.set(start + purpose.lifetime + timedelta(seconds=1))
        assert _problem(purpose, late) is tokens.TokenProblem.EXPIRED, purpose.name


def _token_routes(plugin) -> list[str]:
    """The names of the plugin's public pages that take a one-time link's token."""
    if not plugin.meta.public_urls:
        return []
    patterns = import_module(plugin.meta.public_urls).urlpatterns
    return [
        f"{plugin.label}_public:{pattern.name}"
        for pattern in patterns
        if "token" in pattern.pattern.converters
    ]


@pytest.mark.parametrize("plugin", plugin_params())
def test_every_link_page_refuses_tampered_tokens_and_tokens_of_another_purpose(
    plugin, client, site
):
    routes = _token_routes(plugin)
    if not routes:
        pytest.skip(f"{plugin.label} has no public page for one-time links")
    record = _any_record(plugin)
    foreign = tokens.issue(CONFIRM, record)  # valid, but for the confirmation of a submission
    for route in routes:
        for token in (foreign, foreign[:-1] + ("A" if foreign[-1] != "A" else "B"), "x.y"):
            url = reverse(route, kwargs={"token": token})
            for method in (client.get, client.post):
                response = method(url, follow=True)
                assert response.status_code == 404, (route, method.__name__)
                assert "Dieser Link ist ungültig" in response.content.decode(), route
    assert tokens.consume(CONFIRM, foreign) == record  # untouched by the refusals


def test_token_routes_are_found():
    """The generic search for link pages finds the known ones (guards the test above)."""
    names = {name for plugin in all_plugins() for name in _token_routes(plugin)}
    assert {"example_public:speaker-objection"} <= names
    assert all(re.fullmatch(r"\w+_public:[\w-]+", name) for name in names)


def test_a_plugin_without_the_factories_fails_with_a_message_naming_them(monkeypatch):
    with pytest.raises(LookupError, match="must ship WebhookSubscriptionFactory in "):
        factory_for(WebhookSubscription)
    intake = Intake.for_model(TopicSuggestion)
    monkeypatch.delattr(factory_for(TopicSuggestion), "intake_body")
    with pytest.raises(LookupError, match="TopicSuggestionFactory has no intake_body"):
        intake_body(intake)
