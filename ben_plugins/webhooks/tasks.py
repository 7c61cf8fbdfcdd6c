"""Queueing deliveries and the background task that delivers them, rescheduling itself with
backoff."""

from django.db import transaction
from django_tasks import task

from .delivery import attempt, payload_for
from .models import WebhookDelivery, WebhookSubscription


@task()
def deliver_webhook(delivery_pk: int) -> str:
    delivery = WebhookDelivery.objects.select_related("subscription").get(pk=delivery_pk)
    if delivery.status in WebhookDelivery.FINAL:
        return delivery.status
    attempt(delivery).save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        schedule_retry(delivery)
    return delivery.status


def schedule_retry(delivery: WebhookDelivery) -> None:
    """Queue the next attempt for ``next_attempt_at``.

    A backend without deferred tasks (the immediate backend of tests and small setups)
    runs the retry at once; production uses the database backend and `db_worker`.
    """
    if deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)
    else:
        deliver_webhook.enqueue(delivery.pk)


def queue_deliveries(instance, action: str, site) -> list[WebhookDelivery]:
    """One delivery per subscription that wants this content event."""
    payload = payload_for(instance, action, site)
    if payload is None:
        return []
    deliveries = [
        WebhookDelivery.objects.create(subscription=subscription, event=action, payload=payload)
        for subscription in WebhookSubscription.objects.filter(active=True)
        if subscription.wants(action, site)
    ]
    for delivery in deliveries:
        enqueue_after_commit(delivery)
    return deliveries


def redeliver(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a failed delivery again as a new delivery (new ID, fresh retries)."""
    again = WebhookDelivery.objects.create(
        subscription=delivery.subscription, event=delivery.event, payload=delivery.payload
    )
    enqueue_after_commit(again)
    return again


def enqueue_after_commit(delivery: WebhookDelivery) -> None:
    transaction.on_commit(lambda: deliver_webhook.enqueue(delivery.pk))
