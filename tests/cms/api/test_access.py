"""Rate limits per IP and per API key, the API key lifecycle in the admin, CORS."""

import re

import pytest
from django.test import override_settings
from django.urls import reverse

from cms.api.models import ApiClient, hash_key

pytestmark = pytest.mark.django_db

KEY_PATTERN = re.compile(r"ben_[0-9a-f]{8}_[A-Za-z0-9_-]+")


@override_settings(API_RATE_LIMIT_ANONYMOUS="3/minute")
def test_anonymous_rate_limit_gives_429_with_retry_after(client, content):
    address = {"REMOTE_ADDR": "203.0.113.10"}
    for _ in range(3):
        assert client.get("/api/v1/events/", **address).status_code == 200
    limited = client.get("/api/v1/events/", **address)
    assert limited.status_code == 429
    assert limited["Content-Type"] == "application/problem+json"
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    # A forged X-Forwarded-For does not buy a new budget (no trusted proxy configured).
    spoofed = client.get("/api/v1/events/", HTTP_X_FORWARDED_FOR="198.51.100.1", **address)
    assert spoofed.status_code == 429
    # Another address has its own budget; /api/v2/ is gone.
    assert client.get("/api/v1/events/", REMOTE_ADDR="203.0.113.11").status_code == 200
    assert client.get("/api/v2/pages/", REMOTE_ADDR="203.0.113.12").status_code == 404


def _create_client_in_admin(admin_client, name="Stadt-Website") -> tuple[ApiClient, str]:
    response = admin_client.post(
        reverse("api_clients:add"),
        {"name": name, "contact_email": "web@bitburg.example", "is_active": "on"},
    )
    assert response.status_code == 200, response.content[:1000]
    key = KEY_PATTERN.search(response.content.decode()).group(0)
    return ApiClient.objects.get(name=name), key


@override_settings(API_RATE_LIMIT_ANONYMOUS="2/minute", API_RATE_LIMIT_CLIENT="5/minute")
def test_api_key_lifecycle(admin_client, client, content):
    api_client, key = _create_client_in_admin(admin_client)
    # Stored hashed only; shown once.
    assert api_client.key_hash == hash_key(key) and key not in str(vars(api_client))
    index = admin_client.get(reverse("api_clients:index"))
    assert "Stadt-Website" in index.content.decode() and key not in index.content.decode()
    edit_page = admin_client.get(reverse("api_clients:edit", args=[api_client.pk]))
    assert key not in edit_page.content.decode()

    address = {"REMOTE_ADDR": "203.0.113.20"}
    statuses = [
        client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address).status_code for _ in range(5)
    ]
    assert statuses == [200] * 5  # above the anonymous limit of 2
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key, **address).status_code == 429
    api_client.refresh_from_db()
    assert api_client.last_used_at is not None

    wrong = client.get("/api/v1/events/", HTTP_AUTHORIZATION=f"Api-Key {key}x", **address)
    assert wrong.status_code == 401
    assert wrong["WWW-Authenticate"] == "Api-Key"

    response = admin_client.post(
        reverse("api_clients:edit", args=[api_client.pk]),
        {"name": "Stadt-Website", "contact_email": "web@bitburg.example"},
    )
    assert response.status_code == 302
    api_client.refresh_from_db()
    assert not api_client.is_active and api_client.revoked_at is not None
    revoked = client.get("/api/v1/events/", HTTP_AUTHORIZATION=f"Api-Key {key}")
    assert revoked.status_code == 401
    assert revoked["Content-Type"] == "application/problem+json"


def test_revocation_is_final(admin_client, client, content):
    api_client, key = _create_client_in_admin(admin_client)
    edit_url = reverse("api_clients:edit", args=[api_client.pk])
    fields = {"name": "Stadt-Website", "contact_email": "web@bitburg.example"}
    assert admin_client.post(edit_url, fields).status_code == 302

    reactivate = admin_client.post(edit_url, {**fields, "is_active": "on"})
    assert reactivate.status_code == 200
    assert "Ein widerrufener Schlüssel bleibt ungültig" in reactivate.content.decode()
    api_client.refresh_from_db()
    assert not api_client.is_active and api_client.revoked_at is not None
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key).status_code == 401

    # Not even code that skips the form brings the key back.
    api_client.is_active = True
    api_client.save()
    api_client.refresh_from_db()
    assert not api_client.is_active
    assert client.get("/api/v1/events/", HTTP_X_API_KEY=key).status_code == 401


def test_non_admins_cannot_manage_clients(client, content):
    from tests.factories.users import UserFactory

    editor = UserFactory()
    client.force_login(editor)
    response = client.get(reverse("api_clients:add"))
    assert response.status_code in (302, 403)


@override_settings(CORS_ALLOWED_ORIGINS=["https://www.bitburg.example"])
def test_cors_for_configured_origins_only(client, content):
    allowed = client.get("/api/v1/events/", HTTP_ORIGIN="https://www.bitburg.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://www.bitburg.example"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    other = client.get("/api/v1/events/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other


@override_settings(API_RATE_LIMIT_ANONYMOUS="2/minute", API_TRUSTED_PROXIES=1)
def test_behind_one_trusted_proxy_the_forwarded_client_is_limited(client, content):
    """Issue #10, point 16: the API's throttle takes the client's address from the one rule
    (cms.core.client_address.client_ip) that the login throttle uses too."""
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    first = {"HTTP_X_FORWARDED_FOR": "forged, 203.0.113.30", **proxy}
    second = {"HTTP_X_FORWARDED_FOR": "203.0.113.31", **proxy}
    assert [client.get("/api/v1/events/", **first).status_code for _ in range(3)] == [
        200,
        200,
        429,
    ]
    assert client.get("/api/v1/events/", **second).status_code == 200  # another client
