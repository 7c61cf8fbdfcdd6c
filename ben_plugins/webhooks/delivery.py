"""What a delivery carries (the payload of a content event) and one HTTP attempt of it.

Knows nothing of tasks: ``tasks`` queues deliveries and runs the attempts.
"""

import json
import time
from datetime import timedelta

import requests
from django.conf import settings
from django.utils import timezone

from ben_plugins.core.resources import api_resource_url, resource_type
from cms.core.publication import is_published, surroundings_are_published

from .models import WebhookDelivery, WebhookEvent
from .security import RefusedTarget, refusal_reason, sign
from .transport import DeadlineExceeded, post_within

USER_AGENT = "BEN-CMS-Webhooks/1.0"


def payload_for(instance, action: str, site) -> dict | None:
    """The documented payload, or None for content the public API does not serve: what is
    published must be visible by the API's publication rule; what is unpublished or deleted
    must have lived where the public could have seen it."""
    kind = resource_type(type(instance))
    if kind is None:
        return None
    if action == WebhookEvent.PUBLISHED:
        visible = is_published(instance)
    else:
        visible = surroundings_are_published(instance)
    if not visible:
        return None
    return {
        "type": kind,
        "id": instance.pk,
        "url": api_resource_url(instance, site),
        "action": action,
        "timestamp": timezone.now().isoformat(),
    }


def retry_delay(attempts: int) -> timedelta:
    """Exponential backoff: base, 2×base, 4×base … after the 1st, 2nd, 3rd failure."""
    return timedelta(seconds=settings.WEBHOOKS_RETRY_BASE_SECONDS * 2 ** (attempts - 1))


def _refused(delivery: WebhookDelivery, entry: dict, reason: str) -> WebhookDelivery:
    delivery.status = WebhookDelivery.Status.REFUSED
    delivery.last_error = entry["error"] = reason
    delivery.attempt_log = [*delivery.attempt_log, entry]
    return delivery


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """POST the payload once and record the outcome on the delivery (not saved)."""
    subscription = delivery.subscription
    started = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = started
    entry = {"at": started.isoformat()}
    if reason := refusal_reason(subscription.url):
        return _refused(delivery, entry, reason)
    body = json.dumps(delivery.payload, separators=(",", ":"), ensure_ascii=False).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": USER_AGENT,
        "X-BEN-Event": delivery.event,
        "X-BEN-Delivery": str(delivery.delivery_id),
        "X-BEN-Timestamp": timestamp,
        "X-BEN-Signature": sign(subscription.secret, timestamp, body),
    }
    clock = time.monotonic()
    try:
        status_code = post_within(
            settings.WEBHOOKS_TIMEOUT_SECONDS,
            subscription.url,
            body,
            headers,
            allow_private=settings.WEBHOOKS_ALLOW_PRIVATE_TARGETS,
        )
    except RefusedTarget as refusal:  # the name resolved differently when connecting
        return _refused(delivery, entry, str(refusal))
    except (DeadlineExceeded, requests.RequestException) as error:
        delivery.response_code = None
        delivery.last_error = entry["error"] = f"{type(error).__name__}: {error}"[:1000]
        succeeded = False
    else:
        delivery.response_code = entry["status_code"] = status_code
        succeeded = 200 <= status_code < 300
        delivery.last_error = "" if succeeded else f"HTTP {status_code}"
    delivery.duration_ms = entry["duration_ms"] = round((time.monotonic() - clock) * 1000)
    delivery.attempt_log = [*delivery.attempt_log, entry]
    if succeeded:
        delivery.status = WebhookDelivery.Status.SUCCEEDED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
    elif delivery.attempts >= settings.WEBHOOKS_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
    return delivery
