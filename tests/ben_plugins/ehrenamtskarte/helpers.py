"""Shared by the plugin's tests: a valid application, the office and the links in emails."""

import json
import re

from dateutil.relativedelta import relativedelta
from django.core import mail

from tests.ben_plugins.core.intake_helpers import committed, path_of, unique_address

from .conftest import TODAY

API = "/api/v1/ehrenamtskarte/applications/"


def application_data(**changes) -> dict:
    data = {
        "email": "maria.hoffmann@example.org",
        "first_name": "Maria",
        "last_name": "Hoffmann",
        "birth_date": "1980-04-02",
        "street": "Hauptstraße 1",
        "postal_code": "54634",
        "city": "Bitburg",
        "phone": "06561 1234",
        "lives_in_bitburg": True,
        "years_of_engagement": 6,
        "card": "ehrenamtskarte",
        "kind": "first",
        "activities": [
            {
                "organisation": "Tafel Bitburg",
                "contact_email": "kontakt@tafel-bitburg.example",
                "role": "Ausgabe",
                "in_bitburg": True,
                "hours_per_week": 5,
                "since": (TODAY - relativedelta(years=3)).isoformat(),
                "allowance": "none",
            }
        ],
        "consent": True,
    }
    data.update(changes)
    return data


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
