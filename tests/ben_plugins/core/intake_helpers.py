"""Shared by the intake, token and mail tests: a valid submission and its paths."""

import ipaddress
import itertools
import json
import re
import secrets

from django.core import mail
from django.test import TestCase

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
    data = {
        "email": "anna.schmitt@example.org",
        "name": "Anna Schmitt",
        "topic": "Ehrenamt im Sportverein",
        "text": "Wie gewinnen wir junge Übungsleiterinnen?",
        "consent": True,
    }
    data.update(changes)
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
