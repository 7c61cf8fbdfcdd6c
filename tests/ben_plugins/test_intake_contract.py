"""The intake contract, checked for every submission type of every loaded plugin: what a
plugin gets by declaring an ``Intake`` (ben_plugins.core.intake) holds for it."""

import json

import pytest
from django.template.loader import get_template
from django.urls import URLResolver, get_resolver
from wagtail.models import ReferenceIndex

from ben_plugins.core.intake.models import ConfirmedSubmissionManager
from ben_plugins.core.intake.service import Intake, submission_models
from ben_plugins.core.intake.views import IntakeFormView, IntakeViewSet
from ben_plugins.core.mail import LANGUAGES
from ben_plugins.core.plugins import plugin_for_model


def intake_params():
    return [pytest.param(intake, id=label) for label, intake in sorted(Intake.registry.items())]


def _leaf_patterns(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _leaf_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def _paths(view_base, intake) -> list[str]:
    found = []
    for route, pattern in _leaf_patterns(get_resolver().url_patterns):
        view_class = getattr(pattern.callback, "cls", None) or getattr(
            pattern.callback, "view_class", None
        )
        actions = getattr(pattern.callback, "actions", {})
        if (
            view_class is not None
            and issubclass(view_class, view_base)
            and getattr(view_class, "intake", None) is intake
            and (view_base is IntakeFormView or "post" in actions)
        ):
            found.append("/" + route)
    return found


def test_every_submission_model_is_declared_by_an_intake():
    declared = {intake.model for intake in Intake.registry.values()}
    assert set(submission_models()) <= declared


@pytest.mark.parametrize("intake", intake_params())
def test_staff_see_only_confirmed_submissions(intake):
    assert isinstance(intake.model._default_manager, ConfirmedSubmissionManager)


@pytest.mark.parametrize("intake", intake_params())
def test_consent_and_confirmation_email_exist_in_german_and_english(intake):
    assert intake.consent.version and intake.consent.text_de and intake.consent.text_en
    assert intake.title and intake.title_en
    for language in LANGUAGES:
        for part in ("subject.txt", "body.txt", "body.html"):
            get_template(f"{intake.confirmation_template}/{language}/{part}")


@pytest.mark.parametrize("intake", intake_params())
def test_json_and_html_doors_exist(intake):
    assert _paths(IntakeViewSet, intake), "no JSON endpoint under /api/v1/"
    forms = _paths(IntakeFormView, intake)
    assert forms, "no HTML form"
    assert not any(path.startswith("/api/") for path in forms)


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_refusals(intake, client, site, settings):
    [path] = _paths(IntakeViewSet, intake)[:1]

    def post(body, **headers):
        return client.post(path, data=body, content_type="application/json", **headers)

    empty = post("{}")
    assert empty.status_code == 400
    email_field = next(
        name for name, field in intake.serializer_class().fields.items() if field.source == "email"
    )
    assert {email_field, "consent"} <= set(empty.json()["errors"])
    assert empty["Content-Language"] == "de"
    assert post("{}", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert "no_such_field" in post('{"no_such_field": 1}').json()["errors"]
    assert post(json.dumps({"website": "spam"})).status_code == 400  # invalid, honeypot or not
    assert intake.model.all_submissions.count() == 0
    settings.INTAKE_MAX_BODY_BYTES = 10
    assert post(json.dumps({"text": "x" * 20})).status_code == 413


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_html_form_follows_activation(intake, client, site, switch_plugin):
    label = plugin_for_model(intake.model).label
    for path in _paths(IntakeFormView, intake):
        assert client.get(path).status_code == 200
        switch_plugin(label, False)
        assert client.get(path).status_code == 404
        switch_plugin(label, True)


@pytest.mark.parametrize("intake", intake_params())
def test_submissions_stay_out_of_wagtails_reference_index(intake):
    """A citizen's message is no "use" of the page it names; Wagtail's index task would also
    fail on unconfirmed ones, which ``objects`` hides."""
    assert not ReferenceIndex.model_is_indexable(intake.model)
