"""The intake contract, checked for every submission type of every loaded plugin: what a
plugin gets by declaring an ``Intake`` (ben_plugins.core.intake) holds for it, through HTTP
with a valid body from the plugin's factories (docs/plugins.md section 5)."""

import io
import json
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.template.loader import get_template
from django.utils import timezone
from wagtail.models import ReferenceIndex

from ben_plugins.core.intake.models import ConfirmedSubmissionManager
from ben_plugins.core.intake.service import Intake, submission_models
from ben_plugins.core.intake.views import IntakeFormView, IntakeViewSet
from ben_plugins.core.mail import LANGUAGES
from ben_plugins.core.plugins import plugin_for_model
from cms.api.caching import declared_labels
from tests.ben_plugins.core.intake_helpers import (
    api_path,
    committed,
    email_field,
    form_data,
    intake_body,
    intake_paths,
    link_in_last_mail,
    path_of,
    post_json,
    reader,
    unique_address,
)

CONFIRM_LINK = r"https?://\S+/mitmachen/bestaetigen/[^/\s]+/"
#: 202, or 201 where a plugin answers with a reference number (the Ehrenamtskarte).
ACCEPTED = {201, 202}


def intake_params():
    return [pytest.param(intake, id=label) for label, intake in sorted(Intake.registry.items())]


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
    assert intake_paths(IntakeViewSet, intake), "no JSON endpoint under /api/v1/"
    forms = intake_paths(IntakeFormView, intake)
    assert forms, "no HTML form"
    assert not any(path.startswith("/api/") for path in forms)


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_refusals(intake, client, site, settings):
    [path] = intake_paths(IntakeViewSet, intake)[:1]

    def post(body, **headers):
        return client.post(path, data=body, content_type="application/json", **headers)

    empty = post("{}")
    assert empty.status_code == 400
    assert {email_field(intake), "consent"} <= set(empty.json()["errors"])
    assert empty["Content-Language"] == "de"
    assert post("{}", HTTP_ACCEPT_LANGUAGE="en")["Content-Language"] == "en"
    assert "no_such_field" in post('{"no_such_field": 1}').json()["errors"]
    assert intake.model.all_submissions.count() == 0
    settings.INTAKE_MAX_BODY_BYTES = 10
    assert post(json.dumps({"text": "x" * 20})).status_code == 413


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_html_form_follows_activation(intake, client, site, switch_plugin):
    label = plugin_for_model(intake.model).label
    for path in intake_paths(IntakeFormView, intake):
        assert client.get(path).status_code == 200
        switch_plugin(label, False)
        assert client.get(path).status_code == 404
        switch_plugin(label, True)


@pytest.mark.parametrize("intake", intake_params())
def test_submissions_stay_out_of_wagtails_reference_index(intake):
    """A citizen's message is no "use" of the page it names; Wagtail's index task would also
    fail on unconfirmed ones, which ``objects`` hides."""
    assert not ReferenceIndex.model_is_indexable(intake.model)


# What a valid body gets: honeypot, rate limits, double opt-in (issue 13.1).


@pytest.fixture
def intake_site(site, immediate_tasks):
    """The default site with its privacy notice; emails are sent at once."""
    return site


def _sent_nothing(intake):
    assert intake.model.all_submissions.count() == 0
    assert mail.outbox == []


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_a_valid_body_with_the_honeypot_filled_looks_accepted_but_stores_and_sends_nothing(
    intake, client, intake_site
):
    body = intake_body(intake)
    genuine = post_json(client, body, path=api_path(intake))
    assert genuine.status_code in ACCEPTED, genuine.content
    intake.model.all_submissions.all().delete()
    mail.outbox.clear()

    spam = {**body, "website": "http://spam.example"}
    response = post_json(client, spam, path=api_path(intake))
    assert response.status_code == genuine.status_code
    assert response.json()["status"] == "confirmation_pending"
    _sent_nothing(intake)
    for path in intake_paths(IntakeFormView, intake):
        page = committed(client.post, path, form_data(intake, spam), REMOTE_ADDR=unique_address())
        assert page.status_code == 200, path
        assert "ben_plugins/intake/pending.html" in [t.name for t in page.templates], path
        _sent_nothing(intake)


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_the_rate_limits_per_address_and_per_email_answer_429_with_retry_after(
    intake, client, intake_site, settings
):
    settings.INTAKE_RATE_LIMIT_IP = "1/hour"
    settings.INTAKE_RATE_LIMIT_EMAIL = "1/day"
    body = intake_body(intake)
    path = api_path(intake)
    address = unique_address()
    assert post_json(client, body, path=path, address=address).status_code in ACCEPTED

    other_email = intake_body(intake)[email_field(intake)]
    from_same_address = post_json(
        client, {**body, email_field(intake): other_email}, path=path, address=address
    )
    same_email = post_json(client, body, path=path)  # another address

    for response in (from_same_address, same_email):
        assert response.status_code == 429
        assert response["Content-Type"] == "application/problem+json"
        assert 0 < int(response["Retry-After"]) <= 24 * 3600
    assert intake.model.all_submissions.count() == 1


def _submit(intake, client):
    """Post a valid body; the unconfirmed submission and the path of its confirmation link."""
    mail.outbox.clear()
    assert post_json(client, intake_body(intake), path=api_path(intake)).status_code in ACCEPTED
    submission = intake.model.all_submissions.latest("pk")
    return submission, path_of(link_in_last_mail(CONFIRM_LINK))


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_only_a_confirmed_submission_counts_and_staff_see_only_that(intake, client, intake_site):
    submission, link = _submit(intake, client)
    base = f"/admin/{intake.model._meta.app_label}/{intake.model._meta.model_name}/"
    client.force_login(reader(intake.model, submission))
    assert f"/{submission.pk}/" not in client.get(base).content.decode()
    assert client.get(f"{base}inspect/{submission.pk}/").status_code == 404
    client.logout()

    assert client.get(link).status_code == 200  # a mail scanner's GET confirms nothing
    assert not intake.model.objects.filter(pk=submission.pk).exists()
    tampered = link[:-2] + ("A" if link[-2] != "A" else "B") + "/"
    assert client.post(tampered).status_code == 404
    assert committed(client.post, link).status_code == 200
    assert intake.model.objects.filter(pk=submission.pk).exists()
    assert client.post(link).status_code == 410  # used

    client.force_login(reader(intake.model, submission))
    assert client.get(f"{base}inspect/{submission.pk}/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_a_strangers_unconfirmed_post_purges_no_cache(
    intake, client, intake_site, purges, django_capture_on_commit_callbacks
):
    """Nothing public changes before the confirmation; then at most the plugin's own labels."""
    with django_capture_on_commit_callbacks(execute=True):
        body = intake_body(intake)  # what the body needs (a published offer...) is purged here
    purges.purged.clear()
    mail.outbox.clear()
    assert post_json(client, body, path=api_path(intake)).status_code in ACCEPTED
    assert purges.purged == []
    assert committed(client.post, path_of(link_in_last_mail(CONFIRM_LINK))).status_code == 200
    own = declared_labels(plugin_for_model(intake.model).label)
    assert {label for labels in purges.purged for label in labels} <= own


@pytest.mark.django_db
@pytest.mark.parametrize("intake", intake_params())
def test_unconfirmed_submissions_expire_and_are_deleted_after_48_hours(
    intake, client, intake_site, clock
):
    start = clock.set(timezone.now())
    waiting, link = _submit(intake, client)
    confirmed, confirm_link = _submit(intake, client)
    assert committed(client.post, confirm_link).status_code == 200

    clock.set(start + timedelta(hours=47))
    call_command("ben_retention", verbosity=0, stdout=io.StringIO())
    assert intake.model.all_submissions.filter(pk=waiting.pk).exists()

    clock.set(start + timedelta(hours=48, minutes=1))
    expired = client.post(link)
    assert expired.status_code == 410
    assert "abgelaufen" in expired.content.decode()
    call_command("ben_retention", verbosity=0, stdout=io.StringIO())
    assert not intake.model.all_submissions.filter(pk=waiting.pk).exists()
    assert intake.model.objects.filter(pk=confirmed.pk).exists()
