"""Shared by the plugin's tests: a valid application, the office and the links in emails."""

import json
import re

from django.core import mail

from ben_plugins.ehrenamtskarte.factories import CardApplicationFactory
from tests.ben_plugins.core.intake_helpers import committed, path_of, unique_address

API = "/api/v1/ehrenamtskarte/applications/"


def application_data(**changes) -> dict:
    return {**CardApplicationFactory.intake_body(), **changes}


def apply(client, data=None, **headers):
    return committed(
        client.post,
        API,
        json.dumps(data or application_data()),
        content_type="application/json",
        REMOTE_ADDR=unique_address(),
        **headers,
    )


def link(message, pattern: str) -> str:
    match = re.search(pattern, message.body)
    assert match, message.body
    return path_of(match.group(0))


def mails_to(address: str):
    return [message for message in mail.outbox if address in message.to]


def confirm_link(message) -> str:
    return link(message, r"https?://\S+/mitmachen/bestaetigen/[^/\s]+/")
