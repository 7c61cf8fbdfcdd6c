"""One person, records in every plugin that declares personal data: one command exports
them all (Art. 15) and one erases them all (Art. 17), leaving other people's records alone
(issue 13.4). The records come from the plugins' factories (docs/plugins.md section 5)."""

import json

import pytest
from django.core.management import call_command
from django.db import models
from wagtail.models import ModelLogEntry

from ben_plugins.core.personal_data.declarations import declared_models
from ben_plugins.core.personal_data.models import AccessLogEntry
from ben_plugins.core.plugins import plugin_for_model
from tests.ben_plugins.core.intake_helpers import factory_for, unique_email

pytestmark = pytest.mark.django_db


def _text_values(record) -> list:
    """The values of the record's text and JSON fields (a JSON object compares by content)."""
    return [
        field.value_from_object(record)
        for field in record._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField | models.JSONField)
    ]


def _holds(record, email: str) -> bool:
    return any(email.lower() in str(value).lower() for value in _text_values(record))


def _mentions(email: str) -> list[str]:
    """Every row of a declared model, audit log or access log that still holds ``email``."""
    found = []
    for model in declared_models():
        for record in model._base_manager.all():
            if _holds(record, email):
                found.append(f"{model._meta.label} #{record.pk}")
    for entry in ModelLogEntry.objects.all():
        if email.lower() in f"{entry.label} {json.dumps(entry.data)}".lower():
            found.append(f"audit log #{entry.pk}")
    for entry in AccessLogEntry.objects.all():
        if email.lower() in entry.object_repr.lower():
            found.append(f"access log #{entry.pk}")
    return found


@pytest.fixture
def holdings(site):
    """For one address: a record of its own in every declared model and, where a model
    declares third parties, one naming the address as such; plus a stranger's record each."""
    email = unique_email("petra.mueller")
    expected, strangers = set(), []
    for model in declared_models():
        declaration = model.personal_data
        factory = factory_for(model)
        label = plugin_for_model(model).label
        own = factory(**{declaration.email_field: email.upper()})
        expected.add((label, str(model._meta.verbose_name), own.pk, "Absender/in"))
        for third_party_field in declaration.third_parties:
            named = factory(**{third_party_field: email})
            expected.add((label, str(model._meta.verbose_name), named.pk, "genannte Person"))
            strangers.append(named)  # the submitter's own record stays
        strangers.append(factory())
    return {"email": email, "expected": expected, "strangers": strangers}


def test_one_command_exports_and_one_erases_what_every_plugin_holds(holdings, capsys):
    email = holdings["email"]
    plugins = {label for label, *_ in holdings["expected"]}
    assert {"example", "ehrenamtskarte", "ehrenamtsmedaille", "vermittlung"} <= plugins

    call_command("ben_personal_data", email=email)
    records = json.loads(capsys.readouterr().out)["records"]

    exported = {(item["plugin"], item["type"], item["id"], item["role"]) for item in records}
    for plugin in sorted(plugins):
        expected = {row for row in holdings["expected"] if row[0] == plugin}
        assert {row for row in exported if row[0] == plugin} == expected, plugin
    assert exported == holdings["expected"]

    before = {
        (type(record), record.pk): _text_values(record)
        for record in holdings["strangers"]
        if not _holds(record, email)
    }
    call_command("ben_personal_data", email=email, erase=True)
    capsys.readouterr()

    assert _mentions(email) == []
    for (model, pk), values in before.items():
        assert _text_values(model._base_manager.get(pk=pk)) == values, model._meta.label
    for record in holdings["strangers"]:
        assert type(record)._base_manager.filter(pk=record.pk).exists()
    call_command("ben_personal_data", email=email)
    assert json.loads(capsys.readouterr().out)["records"] == []
