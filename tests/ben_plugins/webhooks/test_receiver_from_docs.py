"""A receiver written only from docs/plugins.md ("Verifying a request") verifies what BEN
CMS sends over real HTTP, and rejects tampered and replayed requests."""

import hashlib
import hmac
import json
import time

import pytest

from tests.factories.snippets import NewsItemFactory

from .conftest import SECRET


def verify(secret: str, headers, body: bytes, tolerance=300) -> bool:
    """Copied from docs/plugins.md, section 6."""
    timestamp = headers["X-BEN-Timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance:
        return False
    expected = (
        "sha256="
        + hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    )
    return hmac.compare_digest(expected, headers["X-BEN-Signature"])


@pytest.mark.django_db
def test_published_news_arrives_signed_with_the_documented_payload(
    local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        news = NewsItemFactory(club=club, published=True)
    [request] = local_receiver.requests
    assert verify(SECRET, request.headers, request.body)
    payload = json.loads(request.body)
    assert set(payload) == {"type", "id", "url", "action", "timestamp"}
    assert payload["type"] == "news"
    assert payload["id"] == news.pk
    assert payload["url"] == f"http://localhost/api/v1/news/{news.pk}/"
    assert payload["action"] == "published"
    assert request.headers["X-BEN-Event"] == "published"
    assert request.headers["Content-Type"] == "application/json; charset=utf-8"


@pytest.mark.django_db
def test_tampered_body_wrong_secret_and_replays_are_rejected(
    local_receiver, subscription, club, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        NewsItemFactory(club=club, published=True)
    [request] = local_receiver.requests
    assert not verify(SECRET, request.headers, request.body.replace(b"published", b"deleted"))
    assert not verify("ein-anderes-geheimnis", request.headers, request.body)
    assert not verify(SECRET, request.headers, request.body, tolerance=-1)
    replayed = {**request.headers, "X-BEN-Timestamp": str(int(time.time()) - 3600)}
    assert not verify(SECRET, replayed, request.body)
