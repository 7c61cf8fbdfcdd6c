"""A switched-off plugin's API answers 404 in the very format of the content API."""

import pytest


@pytest.mark.django_db
def test_disabled_plugin_endpoint_answers_like_an_unknown_api_path(client, site, switch_plugin):
    switch_plugin("example", False)
    disabled = client.get("/api/v1/example/announcements/")
    unknown = client.get("/api/v1/gibt-es-nicht/")
    assert disabled.status_code == unknown.status_code == 404
    assert disabled["Content-Type"] == unknown["Content-Type"] == "application/problem+json"
    body, expected = disabled.json(), unknown.json()
    assert body.keys() == expected.keys()
    assert {key: body[key] for key in ("type", "title", "status", "code")} == {
        key: expected[key] for key in ("type", "title", "status", "code")
    }
    assert body["detail"] == "The plugin “example” is not switched on for this site."
    assert disabled["Content-Language"] == "en"
    german = client.get("/api/v1/example/announcements/", HTTP_ACCEPT_LANGUAGE="de")
    assert german.json()["detail"] == "Das Plugin „example“ ist auf dieser Website nicht aktiviert."
    assert german["Content-Language"] == "de"
