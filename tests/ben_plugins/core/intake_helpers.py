"""Shared by the intake, token and mail tests and the plugin contract: a valid submission,
its paths, and the test-support convention of plugins (docs/plugins.md section 5): each
plugin's ``factories`` module holds a ``<Model>Factory`` per model with personal data or an
intake, whose ``intake_body()`` gives a valid JSON body for the model's intake."""

import importlib
import ipaddress
import itertools
import json
import re
import secrets

from django.contrib.auth.models import Group
from django.core import mail
from django.test import TestCase
from django.urls import URLResolver, get_resolver
from rest_framework import serializers

from ben_plugins.core.intake.views import IntakeFormView, IntakeViewSet
from ben_plugins.core.personal_data import ClubAccess
from ben_plugins.core.plugins import plugin_for_model
from cms.moderation.models import ClubMembership
from tests.ben_plugins.core.records_fixtures import admin_user

API_PATH = "/api/v1/example/topic-suggestions/"
FORM_PATH = "/mitmachen/example/thema-vorschlagen/"
# Random per run: on Redis the counters of an earlier run outlive it.
_addresses = itertools.count(secrets.randbelow(2**23) * 2)


def unique_address() -> str:
    """A client address of the test's own, so rate-limit windows never overlap."""
    return str(ipaddress.IPv4Address("10.0.0.0") + next(_addresses) % 2**24)


def unique_email(name: str) -> str:
    return f"{name}-{secrets.token_hex(6)}@example.org"


def valid_submission(**changes) -> dict:
    """The example plugin's „Themenvorschlag“, changed by ``changes`` (None drops a key)."""
    from ben_example_plugin.factories import TopicSuggestionFactory

    data = {**TopicSuggestionFactory.intake_body(), **changes}
    return {key: value for key, value in data.items() if value is not None}


def committed(action, *args, **kwargs):
    """Run a request and then what it left for after the commit (queued emails): pytest's
    test transaction never commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return action(*args, **kwargs)


def post_json(client, data, *, path=API_PATH, address=None, **headers):
    return committed(
        client.post,
        path,
        data=json.dumps(data) if not isinstance(data, str | bytes) else data,
        content_type="application/json",
        REMOTE_ADDR=address or unique_address(),
        **headers,
    )


def post_form(client, data, *, address=None):
    return committed(client.post, FORM_PATH, data, REMOTE_ADDR=address or unique_address())


def link_in_last_mail(pattern: str = r"https?://\S+/mitmachen/bestaetigen/[^/\s]+/") -> str:
    match = re.search(pattern, mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def path_of(url: str) -> str:
    return "/" + url.split("://", 1)[1].split("/", 1)[1]


# The test-support convention of plugins (docs/plugins.md section 5).


def factory_for(model):
    """``<Model>Factory`` from the factories module of the model's plugin."""
    plugin = plugin_for_model(model)
    module_name = f"{plugin.app_config.name}.factories"
    name = f"{model.__name__}Factory"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        module = None
    factory = getattr(module, name, None)
    if factory is None:
        raise LookupError(
            f"{model._meta.label} holds personal data or takes submissions: the plugin "
            f"{plugin.label} must ship {name} in {module_name} (docs/plugins.md section 5)"
        )
    return factory


def email_field(intake) -> str:
    """The body's key of the submitter's email address (its serializer field's source)."""
    return next(
        name for name, field in intake.serializer_class().fields.items() if field.source == "email"
    )


def intake_body(intake, **changes) -> dict:
    """A valid JSON body for ``intake`` from ``<Model>Factory.intake_body()`` (which prepares
    what the body needs: an open call, a published opportunity), with an email address of
    its own, so per-email limits of earlier runs never count."""
    factory = factory_for(intake.model)
    if not hasattr(factory, "intake_body"):
        raise LookupError(
            f"{factory.__module__}.{factory.__name__} has no intake_body(): the plugin must "
            f"supply a valid JSON body for its intake of {intake.model._meta.label} "
            "(docs/plugins.md section 5)"
        )
    body = factory.intake_body()
    body[email_field(intake)] = unique_email("contract")
    return {**body, **changes}


def form_data(intake, body: dict) -> dict:
    """A JSON body as the HTML form posts it: rows of lists under dotted names, a ticked
    checkbox as "on", an unticked one left out."""

    def value(field, raw):
        if isinstance(field, serializers.BooleanField):
            return "on" if raw else None
        return str(raw)

    fields = intake.serializer_class().fields
    data = {}
    for name, raw in body.items():
        field = fields.get(name)
        if isinstance(field, serializers.ListSerializer):
            for index, row in enumerate(raw):
                for child_name, child_raw in row.items():
                    child = field.child.fields[child_name]
                    data[f"{name}.{index}.{child_name}"] = value(child, child_raw)
        else:
            data[name] = value(field, raw)
    return {key: item for key, item in data.items() if item is not None}


def leaf_patterns(patterns, prefix=""):
    """(route, pattern) of every URL pattern below ``patterns``, resolvers flattened."""
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from leaf_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def intake_paths(view_base, intake) -> list[str]:
    """The mounted paths of the intake's JSON endpoint (``IntakeViewSet``, POST) or of its
    HTML forms (``IntakeFormView``)."""
    found = []
    for route, pattern in leaf_patterns(get_resolver().url_patterns):
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


def api_path(intake) -> str:
    return intake_paths(IntakeViewSet, intake)[0]


def reader(model, record, *groups: str):
    """A user the declaration lets read ``record`` (a group member or the club's editor),
    also in ``groups``."""
    user = admin_user(f"leser-{model._meta.model_name}-{secrets.token_hex(3)}")
    access = model.personal_data.access
    if isinstance(access, ClubAccess):
        ClubMembership.objects.create(user=user, club=getattr(record, access.field))
    else:
        groups = (access.groups[0], *groups)
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user
