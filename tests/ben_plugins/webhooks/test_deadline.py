"""A delivery attempt ends at WEBHOOKS_TIMEOUT_SECONDS however slowly the receiver answers."""

import time

import pytest
from django.test import override_settings

from ben_plugins.webhooks.models import WebhookDelivery, WebhookSubscription
from tests.factories.snippets import NewsItemFactory

from .conftest import SECRET

HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 60\r\n\r\n"
ONE_ATTEMPT = override_settings(WEBHOOKS_TIMEOUT_SECONDS=0.5, WEBHOOKS_MAX_ATTEMPTS=1)


def _publish_to(url, club, capture):
    WebhookSubscription.objects.create(name="Langsam", url=url, events=["published"], secret=SECRET)
    started = time.monotonic()
    with capture(execute=True):
        NewsItemFactory(club=club, published=True)
    return WebhookDelivery.objects.get(), time.monotonic() - started


@pytest.mark.django_db
@ONE_ATTEMPT
def test_a_receiver_trickling_its_status_line_is_cut_off_at_the_deadline(
    trickling_receiver, allow_loopback, club, django_capture_on_commit_callbacks
):
    """One byte every 0.1 s never trips a 0.5 s read timeout; the total deadline does."""
    url = trickling_receiver(at_once=b"", trickled=HEAD)
    delivery, elapsed = _publish_to(url, club, django_capture_on_commit_callbacks)
    assert elapsed < 2, "the publishing request waited for the receiver"
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.response_code is None
    assert "Zeitlimit" in delivery.last_error
    assert "0.5 s" in delivery.last_error
    assert delivery.attempt_log[0]["duration_ms"] < 1500


@pytest.mark.django_db
@ONE_ATTEMPT
def test_a_body_that_never_ends_is_not_read(
    trickling_receiver, allow_loopback, club, django_capture_on_commit_callbacks
):
    """The status line decides the delivery; a trickled body is left unread."""
    url = trickling_receiver(at_once=HEAD, trickled=b"x" * 60)
    delivery, elapsed = _publish_to(url, club, django_capture_on_commit_callbacks)
    assert elapsed < 2
    assert delivery.status == WebhookDelivery.Status.SUCCEEDED, delivery.last_error
    assert delivery.response_code == 200
