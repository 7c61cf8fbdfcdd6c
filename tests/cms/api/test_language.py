"""The client chooses the language of API messages: Accept-Language always decides (German
or English); without it, the endpoint's declared default applies."""

import pytest
from django.test import override_settings
from django.urls import path
from django.utils import translation
from rest_framework.exceptions import MethodNotAllowed
from rest_framework.response import Response

from cms.api.viewsets import ApiViewSet

pytestmark = pytest.mark.django_db

UNKNOWN_EN = "Unknown query parameter for this endpoint."
UNKNOWN_DE = "Unbekannter Query-Parameter für diesen Endpunkt."


class IntakeViewSet(ApiViewSet):
    """A citizen-facing endpoint (as the toolkit's intake forms will be): German by default."""

    default_language = "de"
    known_query_parameters = frozenset({"name"})

    def list(self, request):
        return Response({"hello": request.query_params.get("name", "")})


urlpatterns = [path("api/v1/intake/", IntakeViewSet.as_view({"get": "list"}))]


def unknown_parameter(client, url, **headers):
    response = client.get(url, {"colour": "blue"}, **headers)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    return response, response.json()["errors"]["colour"][0]


@pytest.mark.parametrize(
    "header, language, message",
    [
        (None, "en", UNKNOWN_EN),
        ("de", "de", UNKNOWN_DE),
        ("de-DE,de;q=0.9,en;q=0.8", "de", UNKNOWN_DE),
        ("en", "en", UNKNOWN_EN),
        ("en-GB,de;q=0.5", "en", UNKNOWN_EN),
        ("fr", "en", UNKNOWN_EN),  # nothing we speak: the endpoint's default
        ("fr,de;q=0.5", "de", UNKNOWN_DE),
    ],
)
def test_content_api_messages_follow_accept_language_else_english(
    client, site_tree, header, language, message
):
    headers = {"HTTP_ACCEPT_LANGUAGE": header} if header else {}
    response, text = unknown_parameter(client, "/api/v1/events/", **headers)
    assert text == message
    assert response["Content-Language"] == language
    assert "Accept-Language" in response["Vary"]


def test_a_language_cookie_does_not_decide_for_the_api(client, site_tree):
    client.cookies["django_language"] = "de"
    assert unknown_parameter(client, "/api/v1/events/")[1] == UNKNOWN_EN


def test_successful_responses_name_their_language_and_cache_per_language(client, content):
    english = client.get("/api/v1/events/")
    german = client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="de")
    assert (english["Content-Language"], german["Content-Language"]) == ("en", "de")
    assert english.json() == german.json()  # content is content: only messages change
    not_modified = client.get(
        "/api/v1/events/", HTTP_ACCEPT_LANGUAGE="de", HTTP_IF_NONE_MATCH=german["ETag"]
    )
    assert not_modified.status_code == 304


def test_our_messages_drf_and_django_speak_the_requested_language(client, content):
    event = content["event"]
    cases = {
        "/api/v1/events/?limit=0": ("limit", "Must be at least 1.", "Muss mindestens 1 sein."),
        "/api/v1/events/?to=2026-01-01": (
            "to",
            "`to` needs `from` (or upcoming=true).",
            "`to` braucht `from` (oder upcoming=true).",
        ),
    }
    for url, (name, english, german) in cases.items():
        assert client.get(url).json()["errors"][name] == [english]
        assert client.get(url, HTTP_ACCEPT_LANGUAGE="de").json()["errors"][name] == [german]

    missing = client.get(f"/api/v1/events/{event.pk + 1000}/", HTTP_ACCEPT_LANGUAGE="de")
    assert missing.status_code == 404
    assert missing.json()["detail"].startswith("Kein Eintrag in events")

    with translation.override("de"):
        drf_german = str(MethodNotAllowed("POST").detail)
    with translation.override("en"):
        drf_english = str(MethodNotAllowed("POST").detail)
    assert drf_german != drf_english
    assert client.post("/api/v1/events/").json()["detail"] == drf_english
    posted = client.post("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="de")
    assert posted.json()["detail"] == drf_german

    invalid_kind = client.get("/api/v1/clubs/?kind=zirkus", HTTP_ACCEPT_LANGUAGE="de")
    assert invalid_kind.status_code == 400
    assert "gültige" in invalid_kind.json()["errors"]["kind"][0]  # Django's own German


def test_unknown_paths_answer_in_the_requested_language(client):
    english = client.get("/api/v1/nothing-here/")
    assert english.status_code == 404 and english["Content-Language"] == "en"
    assert english.json()["detail"] == "There is no API resource at /api/v1/nothing-here/."
    german = client.get("/api/v1/nothing-here/", HTTP_ACCEPT_LANGUAGE="de")
    assert german["Content-Language"] == "de"
    assert german.json()["detail"] == "Unter /api/v1/nothing-here/ gibt es keine API-Ressource."


def test_revoked_key_message_in_either_language(client, site_tree):
    key = {"HTTP_X_API_KEY": "ben_00000000_unknown"}
    assert client.get("/api/v1/events/", **key).json()["detail"] == "Unknown or revoked API key."
    german = client.get("/api/v1/events/", HTTP_ACCEPT_LANGUAGE="de", **key).json()["detail"]
    assert german == "Unbekannter oder widerrufener API-Schlüssel."


@override_settings(ROOT_URLCONF=__name__)
def test_a_citizen_facing_endpoint_defaults_to_german(client):
    response, text = unknown_parameter(client, "/api/v1/intake/")
    assert text == UNKNOWN_DE and response["Content-Language"] == "de"
    assert unknown_parameter(client, "/api/v1/intake/", HTTP_ACCEPT_LANGUAGE="en")[1] == UNKNOWN_EN
    ok = client.get("/api/v1/intake/", {"name": "Anna"})
    assert ok.json() == {"hello": "Anna"} and ok["Content-Language"] == "de"
