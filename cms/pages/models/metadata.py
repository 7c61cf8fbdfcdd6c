"""schema.org data of the public pages, embedded as JSON-LD.

The JSON sits in a <script type="application/ld+json">: a data block, which browsers never
execute, so the site's Content-Security-Policy (no inline scripts) allows it. <, > and & are
written as JSON escapes, so no text of an editor can close the element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

_JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data: dict | None) -> SafeString | str:
    if not data:
        return ""
    payload = json.dumps(
        {"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder, ensure_ascii=False
    ).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


def address_of(place) -> dict:
    """schema.org PostalAddress of a model with cms.core.location.AddressFields."""
    address = {
        "@type": "PostalAddress",
        "streetAddress": place.street,
        "postalCode": place.postal_code,
        "addressLocality": place.city,
        "addressCountry": "DE",
    }
    return {key: value for key, value in address.items() if value}
